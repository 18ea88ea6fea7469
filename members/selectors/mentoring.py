"""Reads of the mentoring programme."""

from django.db.models import Q

from home.models import MEMBERS_GROUP_NAME

from ..models import MentoringApplication, MentoringPair

COORDINATE_PERMISSION = "members.coordinate_mentoring"


def can_coordinate_mentoring(user) -> bool:
    """State-wide mentoring coordinators: they alone see self-identification."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.has_perm(COORDINATE_PERMISSION)


def mentoring_applications_open(role=None):
    """Open applications of people who are still verified members."""
    applications = MentoringApplication.objects.filter(
        status=MentoringApplication.Status.OPEN,
        user__is_active=True,
        user__groups__name=MEMBERS_GROUP_NAME,
    ).select_related("user__profile", "district")
    if role:
        applications = applications.filter(role=role)
    return applications.order_by("created_at", "pk")


def mentoring_applications_of(user):
    return (
        MentoringApplication.objects.filter(user=user)
        .exclude(status=MentoringApplication.Status.WITHDRAWN)
        .select_related("district")
        .order_by("created_at")
    )


def mentoring_pairs():
    return MentoringPair.objects.select_related(
        "mentee_application__user__profile",
        "mentor_application__user__profile",
        "proposed_by__profile",
    ).order_by("-proposed_at", "-pk")


def mentoring_pairs_of(user):
    return mentoring_pairs().filter(
        Q(mentee_application__user=user) | Q(mentor_application__user=user)
    )


def mentoring_pair_for_token(token: str):
    """``(pair, role)`` of the person holding ``token``, or ``(None, None)``."""
    if not token:
        return None, None
    pair = mentoring_pairs().filter(Q(mentee_token=token) | Q(mentor_token=token))
    pair = pair.first()
    if pair is None:
        return None, None
    role = "mentee" if pair.mentee_token == token else "mentor"
    return pair, role
