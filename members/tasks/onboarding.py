"""The welcome mail, sent once per new member."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from home.i18n import mail_language
from home.templatetags.portal_i18n import local_date

from ..models import Onboarding, OnboardingStep, OnboardingStepDone, WelcomeMailText
from ..models.onboarding import PLACEHOLDER_RE
from ..selectors.onboarding import next_new_member_meeting


def _default_text():
    return (
        gettext("Welcome to the party, {name}!"),
        gettext(
            "Hello {name},\n\n"
            "welcome! We are glad you joined us in {district}.\n\n"
            "Come and meet us at the next new-member meeting: {next_meeting}\n\n"
            "Someone from your district will call you in the coming days.\n"
        ),
    )


def _text_for(language):
    texts = {
        text.language: text
        for text in WelcomeMailText.objects.filter(
            language__in=[language, settings.LANGUAGE_CODE]
        )
    }
    chosen = texts.get(language) or texts.get(settings.LANGUAGE_CODE)
    if chosen is None:
        return _default_text()
    return chosen.subject, chosen.body


def _fill(text, values):
    return PLACEHOLDER_RE.sub(
        lambda match: values.get(match.group(1), match.group(0)), text
    )


def welcome_mail_render(*, onboarding: Onboarding, language: str) -> tuple[str, str]:
    """Subject and text of the welcome mail in ``language``, placeholders filled."""
    with translation.override(language):
        subject, body = _text_for(language)
        meeting = next_new_member_meeting(district=onboarding.district)
        if meeting is None:
            next_meeting = gettext("the date will be announced soon.")
        else:
            title, start, url = meeting
            when = local_date(timezone.localtime(start), "datetime")
            next_meeting = f"{title}, {when} – {url}"
        values = {
            "name": onboarding.person_name or gettext("new member"),
            "district": onboarding.district.title
            if onboarding.district
            else gettext("Berlin"),
            "next_meeting": next_meeting,
        }
        return " ".join(_fill(subject, values).split()), _fill(body, values)


@task()
def onboarding_welcome_mail_send(onboarding_id: int) -> None:
    """Send the welcome mail unless it was sent (or ticked off) before.

    The record row is locked while the step is written, so two runs for the
    same person send one mail; a failed send leaves the step open for a retry.
    """
    with transaction.atomic():
        onboarding = (
            Onboarding.objects.select_for_update().filter(pk=onboarding_id).first()
        )
        if onboarding is None:
            return
        if OnboardingStepDone.objects.filter(
            onboarding=onboarding, step=OnboardingStep.WELCOME_MAIL
        ).exists():
            return
        onboarding = Onboarding.objects.select_related("user__profile", "district").get(
            pk=onboarding_id
        )
        user = onboarding.user
        recipient = user.email if user else onboarding.email
        if not recipient:
            return
        language = mail_language(user=user)
        subject, body = welcome_mail_render(onboarding=onboarding, language=language)
        OnboardingStepDone.objects.create(
            onboarding=onboarding,
            step=OnboardingStep.WELCOME_MAIL,
            done_at=timezone.now(),
            done_by=None,
        )
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
