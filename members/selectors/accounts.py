"""Who a signed-in person is to the portal.

A *verified member* is an active account in the members group; that group is
what Wagtail's page privacy checks, so confirming a member
(``members.services.verification_confirm``) adds them to it. The check itself,
``is_verified_member``, lives in ``home.selectors`` (apps that may not import
``members`` need it too); ``members.selectors`` re-exports it.
"""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q

from home.selectors import districts_managed_by

from ..models.accounts import Consent, MembershipVerification, Profile


def profile_for(user) -> Profile | None:
    try:
        return user.profile
    except ObjectDoesNotExist:
        return None


def active_consents(user) -> dict[str, Consent]:
    """The consents ``user`` has given and not withdrawn, by kind."""
    return {
        consent.kind: consent
        for consent in Consent.objects.filter(user=user, withdrawn_at__isnull=True)
    }


def verification_latest(user) -> MembershipVerification | None:
    return (
        MembershipVerification.objects.filter(user=user)
        .select_related("district")
        .order_by("-requested_at", "-pk")
        .first()
    )


def verifications_visible_to(user):
    """The requests ``user`` may see and decide: their districts', or all."""
    queryset = MembershipVerification.objects.select_related(
        "user__profile", "district", "decided_by__profile", "revoked_by__profile"
    )
    if user is None or not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.is_superuser:
        return queryset
    return queryset.filter(district__in=districts_managed_by(user))


def mfa_required(user) -> bool:
    """Admin, coordinator and district editor accounts must use a second factor.

    ``PORTAL_MFA_REQUIRED_GROUPS`` names the groups; a name ending in ``*`` is
    a prefix ("Koordination *": every district's coordinators).
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser and settings.PORTAL_MFA_REQUIRED_FOR_SUPERUSERS:
        return True
    names = Q(pk__in=[])
    for name in settings.PORTAL_MFA_REQUIRED_GROUPS:
        if name.endswith("*"):
            names |= Q(name__startswith=name[:-1])
        else:
            names |= Q(name=name)
    return user.groups.filter(names).exists()


def has_authenticator(user) -> bool:
    """An authenticator app (or key) is set up; recovery codes alone do not count."""
    from allauth.mfa.models import Authenticator

    return (
        Authenticator.objects.filter(user=user)
        .exclude(type=Authenticator.Type.RECOVERY_CODES)
        .exists()
    )


def account_emails(user) -> list[str]:
    """The addresses the person proved to own, lower case: the account's address
    and every verified allauth address. Guest registrations and subscriptions
    made with one of them belong to this person for export and erasure."""
    from allauth.account.models import EmailAddress

    emails = {user.email.lower()} if user.email else set()
    emails.update(
        address.lower()
        for address in EmailAddress.objects.filter(
            user=user, verified=True
        ).values_list("email", flat=True)
    )
    return sorted(emails)
