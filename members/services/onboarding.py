"""Onboarding rules: records from confirmations and imports, ticking steps off."""

from dataclasses import dataclass
from datetime import date

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.i18n import mail_language
from core.outbox import mail_enqueue
from core.templatetags.portal_i18n import local_date
from home.selectors import districts_coordinated_by

from ..models import (
    MembershipVerification,
    Onboarding,
    OnboardingStep,
    OnboardingStepDone,
    WelcomeMailText,
)
from ..models.onboarding import PLACEHOLDER_RE
from ..selectors.onboarding import can_manage_onboarding, next_new_member_meeting

NOTE_MAX = 500


def _welcome_mail_enqueue(onboarding: Onboarding) -> None:
    """Queue the welcome mail unless it was queued (or ticked off) before.

    Through the outbox (``core.outbox``), in the caller's transaction: the
    record row is locked while the step is written, so however often this
    runs one mail goes out, and a mail server that is down delays it only.
    """
    Onboarding.objects.select_for_update().filter(pk=onboarding.pk).first()
    if OnboardingStepDone.objects.filter(
        onboarding=onboarding, step=OnboardingStep.WELCOME_MAIL
    ).exists():
        return
    if onboarding.user_id:
        recipient = (
            get_user_model()
            .objects.filter(pk=onboarding.user_id)
            .values_list("email", flat=True)
            .first()
        )
    else:
        recipient = onboarding.email
    if not recipient:
        return
    OnboardingStepDone.objects.create(
        onboarding=onboarding,
        step=OnboardingStep.WELCOME_MAIL,
        done_at=timezone.now(),
        done_by=None,
    )
    mail_enqueue(
        builder="members.services.onboarding.onboarding_welcome_message",
        onboarding_id=onboarding.pk,
    )


def _verified_emails(user) -> set[str]:
    emails = set(
        EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    )
    return {email.lower() for email in emails if email}


@transaction.atomic
def onboarding_link_account(*, user, email: str) -> Onboarding | None:
    """An account confirmed ``email``: an imported record with it becomes theirs.

    The record then keeps no name or address of its own (the account has them);
    an account that already has a record leaves the imported one alone.
    """
    if not email or Onboarding.objects.filter(user=user).exists():
        return None
    record = (
        Onboarding.objects.select_for_update()
        .filter(user__isnull=True, email__iexact=email.strip())
        .first()
    )
    if record is None:
        return None
    record.user = user
    record.name = ""
    record.email = ""
    record.save(update_fields=["user", "name", "email"])
    return record


@transaction.atomic
def onboarding_start(*, user, district, joined_on: date | None = None) -> Onboarding:
    """The onboarding record of a newly confirmed member; at most one per person.

    A record imported for one of the person's verified addresses is linked
    instead of a second one. The welcome mail is queued once, however
    often this runs.
    """
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    record = Onboarding.objects.filter(user=user).first()
    if record is None:
        for email in sorted(_verified_emails(user) | {(user.email or "").lower()}):
            record = onboarding_link_account(user=user, email=email)
            if record is not None:
                break
    if record is None:
        record = Onboarding.objects.create(
            user=user,
            district=district,
            joined_on=joined_on or timezone.localdate(),
            source=Onboarding.Source.VERIFICATION,
        )
    elif record.district_id is None and district is not None:
        record.district = district
        record.save(update_fields=["district"])
    _welcome_mail_enqueue(record)
    return record


def onboarding_start_for_verification(*, verification_id: int) -> None:
    """Called after a confirmation commits (``verification_confirm``)."""
    verification = (
        MembershipVerification.objects.select_related("user", "district")
        .filter(pk=verification_id, status=MembershipVerification.Status.CONFIRMED)
        .first()
    )
    if verification is None:
        return
    with transaction.atomic():
        onboarding_start(
            user=verification.user,
            district=verification.district,
            joined_on=timezone.localdate(verification.decided_at),
        )


# -- import -------------------------------------------------------------------

IMPORT_REQUIRED = ["name", "email", "district", "joined_on"]
IMPORT_OPTIONAL = ["phone"]


@dataclass
class ImportRow:
    name: str
    email: str
    district: object
    joined_on: date
    phone: str


@transaction.atomic
def onboarding_import_save(*, row: ImportRow) -> str:
    """Save one validated import row: ``created`` or ``unchanged``.

    A person already known (by address, or an account with it) is left as is,
    so importing the same list twice changes nothing.
    """
    email = row.email.lower()
    if Onboarding.objects.filter(email__iexact=email).exists():
        return "unchanged"
    owner_ids = set(
        EmailAddress.objects.filter(email__iexact=email, verified=True).values_list(
            "user_id", flat=True
        )
    )
    if owner_ids and Onboarding.objects.filter(user_id__in=owner_ids).exists():
        return "unchanged"
    record = Onboarding.objects.create(
        name=row.name,
        email=email,
        phone=row.phone,
        district=row.district,
        joined_on=row.joined_on,
        source=Onboarding.Source.IMPORT,
    )
    if len(owner_ids) == 1:
        onboarding_link_account(
            user=get_user_model().objects.get(pk=owner_ids.pop()), email=email
        )
        record.refresh_from_db()
    _welcome_mail_enqueue(record)
    return "created"


# -- ticking steps off ---------------------------------------------------------


def _check_may_manage(user, onboarding) -> None:
    if not can_manage_onboarding(user):
        raise PermissionDenied
    if user.is_superuser:
        return
    if not districts_coordinated_by(user).filter(pk=onboarding.district_id).exists():
        raise PermissionDenied


@transaction.atomic
def onboarding_step_done(
    *, onboarding: Onboarding, step: str, user, note: str = ""
) -> OnboardingStepDone:
    """Tick ``step`` off, recording who and when; again only updates the note."""
    _check_may_manage(user, onboarding)
    if step not in OnboardingStep.values:
        raise ValidationError({"step": _("Choose a step of the checklist.")})
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise ValidationError(
            {
                "note": _("The note may have at most %(max)d characters.")
                % {"max": NOTE_MAX}
            }
        )
    Onboarding.objects.select_for_update().filter(pk=onboarding.pk).first()
    done, created = OnboardingStepDone.objects.get_or_create(
        onboarding=onboarding,
        step=step,
        defaults={"done_by": user, "note": note, "done_at": timezone.now()},
    )
    if not created and note and note != done.note:
        done.note = note
        done.save(update_fields=["note"])
    return done


@transaction.atomic
def onboarding_step_undo(*, onboarding: Onboarding, step: str, user) -> bool:
    """Untick a step ticked by mistake; the welcome mail cannot be unsent."""
    _check_may_manage(user, onboarding)
    if step not in OnboardingStep.values or step == OnboardingStep.WELCOME_MAIL:
        raise ValidationError({"step": _("This step cannot be undone.")})
    deleted, _by_model = OnboardingStepDone.objects.filter(
        onboarding=onboarding, step=step
    ).delete()
    return bool(deleted)


# -- the welcome mail (built when it goes out, ``core.outbox``) -------------------


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


def onboarding_welcome_message(*, onboarding_id: int) -> EmailMessage | None:
    """The welcome mail in the member's language; ``None``: record or address gone."""
    onboarding = (
        Onboarding.objects.select_related("user__profile", "district")
        .filter(pk=onboarding_id)
        .first()
    )
    if onboarding is None:
        return None
    user = onboarding.user
    recipient = user.email if user else onboarding.email
    if not recipient:
        return None
    subject, body = welcome_mail_render(
        onboarding=onboarding, language=mail_language(user=user)
    )
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
