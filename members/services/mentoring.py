"""Mentoring: applications, matching by coordinators, and the pair's consent."""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.i18n import mail_language
from core.outbox import mail_enqueue
from core.people import display_name, is_verified_member
from members.selectors import (
    can_coordinate_mentoring,
    mentoring_applications_coordinated_by,
    mentoring_pairs_coordinated_by,
)

from ..models import MentoringApplication, MentoringPair
from ..pool_choices import (
    AVAILABILITY_CHOICES,
    LANGUAGE_CHOICES,
    MENTORING_CONSENT_VERSION,
    SELF_IDENTIFICATION_CHOICES,
)

Status = MentoringApplication.Status
PairStatus = MentoringPair.Status


def _known(values: Iterable[str], choices) -> list[str]:
    values = set(values or ())
    return [code for code, _label in choices if code in values]


@transaction.atomic
def mentoring_apply(
    *,
    user,
    role: str,
    goals: str,
    languages: Iterable[str] = (),
    district=None,
    availability: Iterable[str] = (),
    self_identification: Iterable[str] = (),
    self_identification_note: str = "",
    consent: bool,
) -> MentoringApplication:
    """Apply as mentee or mentor; one current application per role."""
    if not is_verified_member(user):
        raise PermissionDenied
    if role not in MentoringApplication.Role.values:
        raise ValidationError({"role": _("Choose mentee or mentor.")})
    goals = goals.strip()
    if not goals:
        raise ValidationError({"goals": _("Please describe your goals or topics.")})
    if not consent:
        raise ValidationError(
            {"consent": _("Coordinators can only read your application with consent.")}
        )
    try:
        with transaction.atomic():
            return MentoringApplication.objects.create(
                user=user,
                role=role,
                goals=goals,
                languages=_known(languages, LANGUAGE_CHOICES),
                district=district,
                availability=_known(availability, AVAILABILITY_CHOICES),
                self_identification=_known(
                    self_identification, SELF_IDENTIFICATION_CHOICES
                ),
                self_identification_note=" ".join(self_identification_note.split())[
                    :100
                ],
                consented_at=timezone.now(),
                consent_version=MENTORING_CONSENT_VERSION,
            )
    except IntegrityError:
        raise ValidationError(
            _("You already have a current application in this role.")
        ) from None


def _release(application, *, status=Status.OPEN):
    if application.status == Status.MATCHED:
        application.status = status
        application.save(update_fields=["status"])


@transaction.atomic
def mentoring_withdraw(*, user, application) -> MentoringApplication:
    """Withdraw the own application; a pair of it ends, the partner is free again."""
    application = MentoringApplication.objects.select_for_update().get(
        pk=application.pk
    )
    if application.user_id != user.pk:
        raise PermissionDenied
    if application.status not in MentoringApplication.CURRENT:
        raise ValidationError(_("This application is no longer current."))
    now = timezone.now()
    pairs = MentoringPair.objects.select_for_update().filter(
        status__in=[PairStatus.PROPOSED, PairStatus.ACTIVE]
    )
    for pair in pairs.filter(mentee_application=application) | pairs.filter(
        mentor_application=application
    ):
        pair.status = PairStatus.ENDED
        pair.closed_at = now
        pair.save(update_fields=["status", "closed_at"])
        partner_id = (
            pair.mentor_application_id
            if pair.mentee_application_id == application.pk
            else pair.mentee_application_id
        )
        _release(MentoringApplication.objects.select_for_update().get(pk=partner_id))
    application.status = Status.WITHDRAWN
    application.withdrawn_at = now
    application.save(update_fields=["status", "withdrawn_at"])
    return application


@transaction.atomic
def mentoring_match(*, coordinator, mentee, mentor) -> MentoringPair:
    """Propose a pair; both get a mail with the other's name and an accept link."""
    if not can_coordinate_mentoring(coordinator):
        raise PermissionDenied
    in_scope = mentoring_applications_coordinated_by(coordinator)
    wanted = {mentee.pk, mentor.pk}
    if in_scope.filter(pk__in=wanted).count() != len(wanted):
        raise PermissionDenied
    locked = {
        application.pk: application
        for application in MentoringApplication.objects.select_for_update().filter(
            pk__in=[mentee.pk, mentor.pk]
        )
    }
    mentee, mentor = locked.get(mentee.pk), locked.get(mentor.pk)
    if (
        mentee is None
        or mentor is None
        or mentee.role != MentoringApplication.Role.MENTEE
        or mentor.role != MentoringApplication.Role.MENTOR
    ):
        raise ValidationError(_("Choose one mentee and one mentor."))
    if mentee.status != Status.OPEN or mentor.status != Status.OPEN:
        raise ValidationError(_("Both applications must still be open."))
    if mentee.user_id == mentor.user_id:
        raise ValidationError(_("Nobody can mentor themselves."))
    if not (is_verified_member(mentee.user) and is_verified_member(mentor.user)):
        raise ValidationError(_("Both applications must still be open."))
    pair = MentoringPair.objects.create(
        mentee_application=mentee, mentor_application=mentor, proposed_by=coordinator
    )
    for application in (mentee, mentor):
        application.status = Status.MATCHED
        application.save(update_fields=["status"])
    _pair_mails_enqueue(pair, kind="proposal")
    MentoringPair.objects.filter(pk=pair.pk).update(proposal_mailed_at=timezone.now())
    return pair


@transaction.atomic
def mentoring_pair_respond(*, token: str, accept: bool) -> MentoringPair:
    """One side accepts or declines; when both accepted the pair is active.

    Only then does each get the other's address (``mentoring_pair_message``).
    """
    pair = MentoringPair.objects.select_for_update().filter(mentee_token=token).first()
    role = "mentee"
    if pair is None:
        pair = (
            MentoringPair.objects.select_for_update().filter(mentor_token=token).first()
        )
        role = "mentor"
    if pair is None:
        raise MentoringPair.DoesNotExist
    accepted_field = f"{role}_accepted_at"
    if pair.status != PairStatus.PROPOSED or getattr(pair, accepted_field):
        raise ValidationError(_("You have already answered this proposal."))
    now = timezone.now()
    if not accept:
        pair.status = PairStatus.ENDED
        pair.closed_at = now
        pair.save(update_fields=["status", "closed_at"])
        for application in MentoringApplication.objects.select_for_update().filter(
            pk__in=[pair.mentee_application_id, pair.mentor_application_id]
        ):
            _release(application)
        return pair
    setattr(pair, accepted_field, now)
    fields = [accepted_field]
    if pair.mentee_accepted_at and pair.mentor_accepted_at:
        pair.status = PairStatus.ACTIVE
        pair.activated_at = now
        fields += ["status", "activated_at"]
        pair.introduction_mailed_at = now
        fields.append("introduction_mailed_at")
        _pair_mails_enqueue(pair, kind="introduction")
    pair.save(update_fields=fields)
    return pair


@transaction.atomic
def mentoring_pair_close(*, coordinator, pair, status: str) -> MentoringPair:
    """A coordinator records that a pair completed the programme or ended early."""
    if not can_coordinate_mentoring(coordinator):
        raise PermissionDenied
    if not mentoring_pairs_coordinated_by(coordinator).filter(pk=pair.pk).exists():
        raise PermissionDenied
    if status not in (PairStatus.COMPLETED, PairStatus.ENDED):
        raise ValidationError(_("Choose completed or ended."))
    pair = MentoringPair.objects.select_for_update().get(pk=pair.pk)
    if pair.status not in (PairStatus.PROPOSED, PairStatus.ACTIVE):
        raise ValidationError(_("This pair is already closed."))
    if status == PairStatus.COMPLETED and pair.status != PairStatus.ACTIVE:
        raise ValidationError(_("Only an active pair can complete the programme."))
    # After an active pair both are done; a proposal that never started frees both.
    released = Status.CLOSED if pair.status == PairStatus.ACTIVE else Status.OPEN
    pair.status = status
    pair.closed_at = timezone.now()
    pair.save(update_fields=["status", "closed_at"])
    for application in MentoringApplication.objects.select_for_update().filter(
        pk__in=[pair.mentee_application_id, pair.mentor_application_id]
    ):
        _release(application, status=released)
    return pair


# -- mails (built when they go out, ``core.outbox``) ------------------------------

PAIR_MAILS = {
    # kind: (the pair's status the mail is still right for, subject, template)
    "proposal": (
        PairStatus.PROPOSED,
        _("Mentoring: a proposal for you"),
        "members/emails/mentoring_proposal.txt",
    ),
    "introduction": (
        PairStatus.ACTIVE,
        _("Mentoring: meet your tandem partner"),
        "members/emails/mentoring_introduction.txt",
    ),
}


def _pair_mails_enqueue(pair, *, kind):
    for role in ("mentee", "mentor"):
        mail_enqueue(
            builder="members.services.mentoring.mentoring_pair_message",
            pair_id=pair.pk,
            role=role,
            kind=kind,
        )


def mentoring_pair_message(
    *, pair_id: int, role: str, kind: str
) -> EmailMessage | None:
    """One side's mail about the pair; ``None`` once the pair has moved on.

    A proposal names the other person and their goals, never their address;
    only the introduction (both accepted) gives each the other's address.
    """
    status, subject, template = PAIR_MAILS[kind]
    pair = (
        MentoringPair.objects.select_related(
            "mentee_application__user__profile",
            "mentee_application__district",
            "mentor_application__user__profile",
            "mentor_application__district",
        )
        .filter(pk=pair_id, status=status)
        .first()
    )
    if pair is None:
        return None
    if role == "mentee":
        own, other, token = (
            pair.mentee_application,
            pair.mentor_application,
            pair.mentee_token,
        )
    else:
        own, other, token = (
            pair.mentor_application,
            pair.mentee_application,
            pair.mentor_token,
        )
    user = own.user
    if not user.email:
        return None
    context = {"role": role, "other": other, "other_name": display_name(other.user)}
    if kind == "proposal":
        context["answer_url"] = settings.WAGTAILADMIN_BASE_URL + reverse(
            "members:mentoring_proposal", args=[token]
        )
    else:
        context["other_email"] = other.user.email
    with translation.override(mail_language(user=user)):
        context["name"] = display_name(user)
        subject = str(subject)
        body = render_to_string(template, context)
    return EmailMessage(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [user.email]
    )
