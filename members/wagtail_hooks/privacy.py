"""The members app's own personal data for export, erasure and retention."""

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import ModelLogEntry

from core.models import OutgoingMail
from core.outbox import KEPT_MAIL_BUILDER

from ..models import Consent, MembershipVerification, Profile
from ..models.onboarding import OnboardingStepDone
from ..services.logins import failed_logins_prune


def _date(value):
    return value.isoformat() if value else None


@hooks.register("member_data_export")
def export_account(user):
    profile = Profile.objects.filter(user=user).select_related("district").first()
    return "account", {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": _date(user.date_joined),
        "last_login": _date(user.last_login),
        "email_addresses": [
            {
                "email": address.email,
                "verified": address.verified,
                "primary": address.primary,
            }
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "profile": profile
        and {
            "display_name": profile.display_name,
            "district": profile.district.title if profile.district else None,
            "languages": profile.languages,
            "preferred_language": profile.preferred_language,
            "updated_at": _date(profile.updated_at),
        },
        "consents": [
            {
                "kind": consent.kind,
                "version": consent.version,
                "wording": str(consent.wording.text) if consent.wording else None,
                "given_at": _date(consent.given_at),
                "withdrawn_at": _date(consent.withdrawn_at),
            }
            for consent in Consent.objects.filter(user=user).order_by("given_at")
        ],
        "membership_verifications": [
            {
                "district": verification.district.title
                if verification.district
                else None,
                "status": verification.status,
                "membership_number": verification.membership_number,
                "requested_at": _date(verification.requested_at),
                "decided_at": _date(verification.decided_at),
                "rejection_reason": verification.rejection_reason,
                "revoked_at": _date(verification.revoked_at),
                "revocation_reason": verification.revocation_reason,
            }
            for verification in MembershipVerification.objects.filter(user=user)
            .select_related("district")
            .order_by("requested_at")
        ],
    }


@hooks.register("member_data_erase")
def erase_kept_mails(user):
    """Account mails the server refused are kept with their text (``core.outbox``):
    those to any of the person's addresses go, unsent."""
    addresses = {
        address.lower()
        for address in EmailAddress.objects.filter(user=user).values_list(
            "email", flat=True
        )
    }
    addresses.add((user.email or "").lower())
    addresses.discard("")
    kept = OutgoingMail.objects.filter(builder=KEPT_MAIL_BUILDER).exclude(arguments={})
    doomed = [
        mail.pk
        for mail in kept.only("pk", "arguments")
        if addresses & {str(to).lower() for to in mail.arguments.get("to", [])}
    ]
    OutgoingMail.objects.filter(pk__in=doomed).delete()


@hooks.register("member_data_erase", order=100)
def erase_account(user):
    """Profile, consents, verification requests and addresses; the name and
    address on the account itself, and its name in the admin's history.

    Runs last: other erasers find guest rows by the account's addresses.
    """
    Profile.objects.filter(user=user).delete()
    Consent.objects.filter(user=user).delete()
    MembershipVerification.objects.filter(user=user).delete()
    MembershipVerification.objects.filter(decided_by=user).update(decided_by=None)
    MembershipVerification.objects.filter(revoked_by=user).update(revoked_by=None)
    OnboardingStepDone.objects.filter(done_by=user).update(done_by=None)
    EmailAddress.objects.filter(user=user).delete()
    ModelLogEntry.objects.filter(
        content_type__app_label=get_user_model()._meta.app_label,
        content_type__model=get_user_model()._meta.model_name,
        object_id=str(user.pk),
    ).update(label="")
    get_user_model().objects.filter(pk=user.pk).update(
        email="", first_name="", last_name="", username=f"deleted-{user.pk}"
    )


def data_link(request):
    """Profile link to the own-data page (``member_profile_links``)."""
    if not request.user.is_authenticated:
        return None
    return _("My data"), reverse("members:my_data")


hooks.register("member_profile_links", data_link)


@hooks.register("data_retention")
def session_retention(*, now):
    """Expired sessions, and the device lists (IP, browser) of ended ones."""
    from importlib import import_module

    engine = import_module(settings.SESSION_ENGINE)
    try:
        engine.SessionStore.clear_expired()
    except NotImplementedError:  # signed cookies expire in the browser
        pass
    ended = 0
    for session in UserSession.objects.iterator():
        ended += bool(session.purge())
    return {"sessions_ended_purged": ended}


@hooks.register("data_retention")
def failed_login_retention(*, now):
    """Failed logins only count for minutes; the rows go after a day."""
    return {"failed_logins_deleted": failed_logins_prune(now=now)}
