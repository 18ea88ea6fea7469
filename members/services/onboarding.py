"""Onboarding rules: records from confirmations and imports, ticking steps off."""

from dataclasses import dataclass
from datetime import date

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.selectors import districts_coordinated_by

from ..models import Onboarding, OnboardingStep, OnboardingStepDone
from ..selectors.onboarding import can_manage_onboarding

NOTE_MAX = 500


def _welcome_mail_on_commit(onboarding: Onboarding) -> None:
    from ..tasks import onboarding_welcome_mail_send

    pk = onboarding.pk
    transaction.on_commit(lambda: onboarding_welcome_mail_send.enqueue(pk))


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
    instead of a second one. The welcome mail goes out once the transaction
    commits (the task sends it only once, however often this runs).
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
    _welcome_mail_on_commit(record)
    return record


def onboarding_start_for_verification(*, verification_id: int) -> None:
    """Called after a confirmation commits (``verification_confirm``)."""
    from ..models import MembershipVerification

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
    _welcome_mail_on_commit(record)
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
