"""Mails of the mentoring programme, each in its recipient's language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from home.i18n import mail_language

from ..models import MentoringPair
from ..selectors import display_name


def _sides(pair):
    mentee = pair.mentee_application
    mentor = pair.mentor_application
    return [
        ("mentee", mentee, mentor, pair.mentee_token),
        ("mentor", mentor, mentee, pair.mentor_token),
    ]


def _pair(pair_id, *, unsent_field, status):
    return (
        MentoringPair.objects.select_related(
            "mentee_application__user__profile",
            "mentee_application__district",
            "mentor_application__user__profile",
            "mentor_application__district",
        )
        .filter(pk=pair_id, status=status, **{f"{unsent_field}__isnull": True})
        .first()
    )


def _mail(*, user, subject, template, context):
    with translation.override(mail_language(user=user)):
        context = {**context, "name": display_name(user)}
        subject = str(subject)
        body = render_to_string(template, context)
    return EmailMessage(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [user.email]
    )


@task()
def mentoring_pair_proposal_mail(pair_id: int) -> None:
    """Both people learn the other's display name and goals, not their address."""
    with transaction.atomic():
        pair = _pair(
            pair_id,
            unsent_field="proposal_mailed_at",
            status=MentoringPair.Status.PROPOSED,
        )
        if pair is None:
            return
        base = settings.WAGTAILADMIN_BASE_URL
        for role, own, other, token in _sides(pair):
            if not own.user.email:
                continue
            _mail(
                user=own.user,
                subject=_("Mentoring: a proposal for you"),
                template="members/emails/mentoring_proposal.txt",
                context={
                    "role": role,
                    "other": other,
                    "other_name": display_name(other.user),
                    "answer_url": base
                    + reverse("members:mentoring_proposal", args=[token]),
                },
            ).send()
        MentoringPair.objects.filter(pk=pair.pk).update(
            proposal_mailed_at=timezone.now()
        )


@task()
def mentoring_pair_introduction_mail(pair_id: int) -> None:
    """Both accepted: each now gets the other's name and email address."""
    with transaction.atomic():
        pair = _pair(
            pair_id,
            unsent_field="introduction_mailed_at",
            status=MentoringPair.Status.ACTIVE,
        )
        if pair is None:
            return
        for role, own, other, _token in _sides(pair):
            if not own.user.email:
                continue
            _mail(
                user=own.user,
                subject=_("Mentoring: meet your tandem partner"),
                template="members/emails/mentoring_introduction.txt",
                context={
                    "role": role,
                    "other_name": display_name(other.user),
                    "other_email": other.user.email,
                },
            ).send()
        MentoringPair.objects.filter(pk=pair.pk).update(
            introduction_mailed_at=timezone.now()
        )
