"""Reads of the mentoring programme."""

from django.db.models import Q

from core.people import MEMBERS_GROUP_NAME
from home.selectors import districts_coordinated_by

from ..models.mentoring import MentoringApplication, MentoringPair

COORDINATE_PERMISSION = "members.coordinate_mentoring"
ALL_DISTRICTS_PERMISSION = "home.coordinate_all_districts"


def can_coordinate_mentoring(user) -> bool:
    """State-wide mentoring coordinators: they alone see self-identification."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.has_perm(COORDINATE_PERMISSION)


def mentoring_applications_coordinated_by(user):
    """The applications ``user`` may match: every one for state-wide coordinators,
    those of their districts for a district's coordinators (none without a
    district)."""
    if not can_coordinate_mentoring(user):
        return MentoringApplication.objects.none()
    if user.has_perm(ALL_DISTRICTS_PERMISSION):
        return MentoringApplication.objects.all()
    return MentoringApplication.objects.filter(
        district__in=districts_coordinated_by(user)
    )


def mentoring_applications_open(role=None, *, user=None):
    """Open applications of people who are still verified members (of those
    ``user`` coordinates, if given)."""
    applications = (
        MentoringApplication.objects
        if user is None
        else mentoring_applications_coordinated_by(user)
    )
    applications = applications.filter(
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


def mentoring_pairs_coordinated_by(user):
    """Pairs whose mentee ``user`` may coordinate: a pair belongs to the
    mentee's district."""
    return mentoring_pairs().filter(
        mentee_application__in=mentoring_applications_coordinated_by(user)
    )


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
