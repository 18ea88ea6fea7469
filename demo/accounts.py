"""Demo accounts: profiles, verified addresses, consents and membership requests.

Runs after the builder has created the demo users (``content.USERS``); every
object is looked up by its user, so a second run changes nothing.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from home.models import DistrictPage
from members.consents import current_wording
from members.models import Consent, MembershipVerification, Profile

DISTRICT_SLUG = "friedrichshain-kreuzberg"
PROFILES = {
    # username: (display name, languages)
    "admin": ("Andrea (Landesgeschäftsstelle)", ["de", "en"]),
    "presse": ("Pia aus der Pressestelle", ["de", "en"]),
    "freigabe": ("Fatma (Landesgeschäftsstelle)", ["de", "tr"]),
    "bezirk-fk": ("Kemal (Bezirk F'hain-Kreuzberg)", ["de", "tr"]),
    "koordination-fk": ("Jonas (Koordination F'hain-Kreuzberg)", ["de"]),
    "mitglied": ("Marie L.", ["de"]),
    "neu": ("Nils", ["de", "ar"]),
}


def build_accounts(outcomes) -> None:
    """Profiles for the demo users; ``mitglied`` confirmed, ``neu`` waiting."""
    users = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=PROFILES)
    }
    district = DistrictPage.objects.get(slug=DISTRICT_SLUG)
    for username, (display_name, languages) in PROFILES.items():
        user = users[username]
        _record(outcomes, "email address", _verified_email(user))
        _, created = Profile.objects.update_or_create(
            user=user,
            defaults={
                "display_name": display_name,
                "district": district,
                "languages": languages,
                "preferred_language": "de",
            },
        )
        _record(outcomes, "profile", created)

    member, newcomer = users["mitglied"], users["neu"]
    now = timezone.now()
    _, created = MembershipVerification.objects.get_or_create(
        user=member,
        status=MembershipVerification.Status.CONFIRMED,
        defaults={
            "district": district,
            "membership_number": "104711",
            "requested_at": now - timedelta(days=30),
            "decided_by": users["bezirk-fk"],
            "decided_at": now - timedelta(days=28),
        },
    )
    _record(outcomes, "membership verification", created)
    _, created = MembershipVerification.objects.get_or_create(
        user=newcomer,
        status=MembershipVerification.Status.PENDING,
        defaults={
            "district": district,
            "membership_number": "208150",
            "requested_at": now - timedelta(days=2),
        },
    )
    _record(outcomes, "membership verification", created)
    for user, kind in [(member, "news_by_email"), (member, "district_contact")]:
        _, created = Consent.objects.get_or_create(
            user=user,
            kind=kind,
            withdrawn_at=None,
            defaults={"version": current_wording(kind).version},
        )
        _record(outcomes, "consent", created)


def _verified_email(user) -> bool:
    """allauth lets only verified addresses log in; the demo users have them."""
    _, created = EmailAddress.objects.update_or_create(
        user=user,
        email=user.email,
        defaults={"verified": True, "primary": True},
    )
    return created


def _record(outcomes, kind, created):
    outcome = "created" if created else "unchanged"
    outcomes[outcome] += 1
    outcomes[f"{kind}:{outcome}"] += 1
