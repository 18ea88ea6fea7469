"""The members app's own personal data for export and erasure (members.privacy)."""

from wagtail import hooks

from ..models import Consent, MembershipVerification, Profile


def _date(value):
    return value.isoformat() if value else None


@hooks.register("member_data_export")
def export_account(user):
    profile = Profile.objects.filter(user=user).select_related("district").first()
    return "account", {
        "username": user.username,
        "email": user.email,
        "date_joined": _date(user.date_joined),
        "last_login": _date(user.last_login),
        "profile": profile
        and {
            "display_name": profile.display_name,
            "district": profile.district.title if profile.district else None,
            "languages": profile.languages,
            "preferred_language": profile.preferred_language,
        },
        "consents": [
            {
                "kind": consent.kind,
                "version": consent.version,
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
            }
            for verification in MembershipVerification.objects.filter(user=user)
            .select_related("district")
            .order_by("requested_at")
        ],
    }
