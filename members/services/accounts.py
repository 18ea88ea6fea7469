"""Accounts: profile, consents and membership verification (the business rules)."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.i18n import mail_language
from core.outbox import mail_enqueue
from core.people import display_name, is_verified_member
from core.services import members_group_get
from members.services.onboarding import onboarding_start_for_verification

from ..consents import current_wording
from ..models import Consent, MembershipVerification, Profile
from ..permissions import can_decide_verification


def profile_get_or_create(*, user) -> Profile:
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


def _clean_display_name(display_name: str) -> str:
    display_name = " ".join(display_name.split())
    if "@" in display_name:
        raise ValidationError(
            {"display_name": _("Please do not use an email address as your name.")}
        )
    return display_name


@transaction.atomic
def profile_update(
    *,
    user,
    display_name: str,
    district=None,
    languages: Iterable[str] = (),
    preferred_language: str = "de",
) -> Profile:
    known = {code for code, _name in settings.LANGUAGES}
    languages = [code for code, _name in settings.LANGUAGES if code in set(languages)]
    if preferred_language not in known:
        raise ValidationError({"preferred_language": _("Choose a language.")})
    profile = profile_get_or_create(user=user)
    profile.display_name = _clean_display_name(display_name)
    profile.district = district
    profile.languages = languages
    profile.preferred_language = preferred_language
    profile.save()
    return profile


@transaction.atomic
def consent_give(*, user, kind: str) -> Consent:
    """Record that ``user`` agrees to the current wording of ``kind``.

    Giving it again changes nothing; agreeing to a newer wording replaces the
    older consent, which stays on record as withdrawn.
    """
    wording = current_wording(kind)
    now = timezone.now()
    active = (
        Consent.objects.select_for_update()
        .filter(user=user, kind=kind, withdrawn_at__isnull=True)
        .first()
    )
    if active is not None:
        if active.version == wording.version:
            return active
        active.withdrawn_at = now
        active.save(update_fields=["withdrawn_at"])
    try:
        with transaction.atomic():
            return Consent.objects.create(
                user=user, kind=kind, version=wording.version, given_at=now
            )
    except IntegrityError:
        # A parallel request gave it a moment earlier.
        return Consent.objects.get(user=user, kind=kind, withdrawn_at__isnull=True)


@transaction.atomic
def consent_withdraw(*, user, kind: str) -> bool:
    """Withdraw ``kind``; returns whether there was a consent to withdraw."""
    updated = Consent.objects.filter(
        user=user, kind=kind, withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())
    return bool(updated)


@transaction.atomic
def consents_update(*, user, given: Iterable[str], asked: Iterable[str]) -> None:
    """Give the kinds in ``given``, withdraw the other ``asked`` ones."""
    given = set(given)
    for kind in asked:
        if kind in given:
            consent_give(user=user, kind=kind)
        else:
            consent_withdraw(user=user, kind=kind)


def _lock_user(user):
    return get_user_model().objects.select_for_update().get(pk=user.pk)


@transaction.atomic
def verification_request(
    *, user, district, membership_number: str
) -> MembershipVerification:
    """Ask ``district`` to confirm ``user`` as a member.

    A second submit while a request is open returns the open request.
    """
    _lock_user(user)
    if is_verified_member(user):
        raise ValidationError(_("You are already a verified member."))
    membership_number = membership_number.strip()
    if not membership_number:
        raise ValidationError(
            {"membership_number": _("Please enter your membership number.")}
        )
    open_request = MembershipVerification.objects.filter(
        user=user, status=MembershipVerification.Status.PENDING
    ).first()
    if open_request is not None:
        return open_request
    try:
        with transaction.atomic():
            verification = MembershipVerification.objects.create(
                user=user, district=district, membership_number=membership_number
            )
    except IntegrityError:
        return MembershipVerification.objects.get(
            user=user, status=MembershipVerification.Status.PENDING
        )
    profile = profile_get_or_create(user=user)
    if profile.district_id is None:
        profile.district = district
        profile.save(update_fields=["district", "updated_at"])
    return verification


def _decide(*, verification, decided_by, status, reason=""):
    if not can_decide_verification(decided_by, verification):
        raise PermissionDenied
    locked = MembershipVerification.objects.select_for_update().get(pk=verification.pk)
    if locked.status != MembershipVerification.Status.PENDING:
        raise ValidationError(_("This request has already been decided."))
    locked.status = status
    locked.decided_by = decided_by
    locked.decided_at = timezone.now()
    locked.rejection_reason = reason.strip()
    locked.save()
    return locked


def _decision_mail_enqueue(verification):
    """The mail tells this decision, even if a later one is made before it goes.

    Through the outbox (``core.outbox``): part of the decision's transaction,
    retried while the mail server is down.
    """
    mail_enqueue(
        builder="members.services.accounts.verification_decision_message",
        verification_id=verification.pk,
        decision=verification.status,
    )


DECISION_TEMPLATES = {
    MembershipVerification.Status.CONFIRMED: "confirmed",
    MembershipVerification.Status.REJECTED: "rejected",
    MembershipVerification.Status.REVOKED: "revoked",
}


def verification_decision_message(
    *, verification_id: int, decision: str
) -> EmailMessage | None:
    """How the district decided, in the person's mail language; ``None``: no mail."""
    verification = (
        MembershipVerification.objects.select_related("user", "district")
        .filter(pk=verification_id)
        .first()
    )
    template = DECISION_TEMPLATES.get(decision)
    if verification is None or template is None or not verification.user.email:
        return None
    user = verification.user
    with translation.override(mail_language(user=user)):
        context = {
            "name": display_name(user),
            "verification": verification,
            "base_url": settings.WAGTAILADMIN_BASE_URL,
        }
        subject = render_to_string(
            f"members/emails/verification_{template}_subject.txt", context
        )
        body = render_to_string(f"members/emails/verification_{template}.txt", context)
    return EmailMessage(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [user.email]
    )


@transaction.atomic
def verification_confirm(*, verification, decided_by) -> MembershipVerification:
    """Confirm the request: the person joins the members group and gets a mail."""
    verification = _decide(
        verification=verification,
        decided_by=decided_by,
        status=MembershipVerification.Status.CONFIRMED,
    )
    verification.user.groups.add(members_group_get())
    _decision_mail_enqueue(verification)
    _start_onboarding_on_commit(verification)
    return verification


def _start_onboarding_on_commit(verification):
    """Every confirmed member gets the welcome standard (idempotent service)."""
    pk = verification.pk
    transaction.on_commit(
        lambda: onboarding_start_for_verification(verification_id=pk), robust=True
    )


@transaction.atomic
def verification_reject(
    *, verification, decided_by, reason: str = ""
) -> MembershipVerification:
    """Reject the request with an optional reason, which the person is mailed."""
    verification = _decide(
        verification=verification,
        decided_by=decided_by,
        status=MembershipVerification.Status.REJECTED,
        reason=reason,
    )
    _decision_mail_enqueue(verification)
    return verification


@transaction.atomic
def verification_revoke(
    *, verification, decided_by, reason: str = ""
) -> MembershipVerification:
    """Take back a confirmation (the person left, or was confirmed by mistake).

    The person leaves the members group at once, so members-only pages close for
    them; the confirmation stays on record and they may ask again later.
    """
    if not can_decide_verification(decided_by, verification):
        raise PermissionDenied
    locked = (
        MembershipVerification.objects.select_for_update()
        .select_related("user")
        .get(pk=verification.pk)
    )
    if locked.status != MembershipVerification.Status.CONFIRMED:
        raise ValidationError(_("Only confirmed memberships can be revoked."))
    locked.status = MembershipVerification.Status.REVOKED
    locked.revoked_by = decided_by
    locked.revoked_at = timezone.now()
    locked.revocation_reason = reason.strip()
    locked.save()
    locked.user.groups.remove(members_group_get())
    _decision_mail_enqueue(locked)
    return locked
