"""Reads for the onboarding dashboard and the state office's comparison."""

import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count
from django.utils import timezone
from wagtail import hooks

from home.selectors import districts_coordinated_by

from ..models.onboarding import Onboarding, OnboardingStep, OnboardingStepDone

MANAGE_PERMISSION = "members.manage_onboarding"
WAITING_TOO_LONG = 14  # days
STEPS = list(OnboardingStep)


def can_manage_onboarding(user) -> bool:
    """The permission, and at least one district to look after."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.has_perm(MANAGE_PERMISSION) and districts_coordinated_by(user).exists()


def onboarding_districts_for(user):
    if not can_manage_onboarding(user):
        return districts_coordinated_by(None)
    return districts_coordinated_by(user).order_by("title")


def onboardings_visible_to(user):
    """The records of the districts ``user`` looks after; never another's."""
    if not can_manage_onboarding(user):
        return Onboarding.objects.none()
    queryset = Onboarding.objects.select_related("user__profile", "district")
    if user.is_superuser:
        return queryset
    return queryset.filter(district__in=districts_coordinated_by(user))


def _local_date(moment) -> date:
    return timezone.localtime(moment).date()


@dataclass
class WaitingRow:
    onboarding: Onboarding
    done: dict
    next_step: OnboardingStep | None
    waiting_since: date
    waiting_days: int

    @property
    def waits_too_long(self):
        return self.waiting_days > WAITING_TOO_LONG

    @property
    def checklist(self):
        return [(step, self.done.get(step.value)) for step in STEPS]


def _waiting_row(onboarding, today) -> WaitingRow:
    done = {step.step: step for step in onboarding.steps.all()}
    next_step = next((step for step in STEPS if step.value not in done), None)
    dates = [_local_date(step.done_at) for step in done.values()]
    since = max([onboarding.joined_on, *dates])
    return WaitingRow(
        onboarding=onboarding,
        done=done,
        next_step=next_step,
        waiting_since=since,
        waiting_days=max((today - since).days, 0),
    )


def onboarding_waiting_list(*, user, district=None, today=None) -> list[WaitingRow]:
    """Everyone not through the checklist yet, who waited longest first.

    Waiting counts from the last step done (or joining): it shows who is stuck.
    """
    today = today or timezone.localdate()
    queryset = (
        onboardings_visible_to(user)
        .annotate(steps_done=Count("steps"))
        .filter(steps_done__lt=len(STEPS))
        .prefetch_related("steps__done_by__profile")
    )
    if district is not None:
        queryset = queryset.filter(district=district)
    rows = [_waiting_row(onboarding, today) for onboarding in queryset]
    rows.sort(key=lambda row: (row.waiting_since, row.onboarding.pk))
    return rows


def onboarding_detail(*, user, pk) -> WaitingRow | None:
    onboarding = (
        onboardings_visible_to(user)
        .prefetch_related("steps__done_by__profile")
        .filter(pk=pk)
        .first()
    )
    if onboarding is None:
        return None
    return _waiting_row(onboarding, timezone.localdate())


@dataclass
class DistrictFigures:
    district: object
    new_members: int = 0
    median_days_to_call: float | None = None
    attended_share: float | None = None
    waiting_too_long: int = 0
    _days_to_call: list = field(default_factory=list, repr=False)
    _attended: int = 0


def onboarding_district_figures(*, user, since=None, today=None):
    """Per district: new members, median days from joining to the welcome call,
    share (in %) who attended a meeting, and how many wait > 14 days at a step.

    ``since`` limits to members who joined on or after that date. Three queries
    whatever the number of records.
    """
    today = today or timezone.localdate()
    districts = list(onboarding_districts_for(user))
    figures = {d.pk: DistrictFigures(district=d) for d in districts}
    records = Onboarding.objects.filter(district_id__in=figures)
    if since is not None:
        records = records.filter(joined_on__gte=since)
    joined = dict(records.values_list("pk", "joined_on"))
    district_of = dict(records.values_list("pk", "district_id"))
    steps = {}
    for onboarding_id, step, done_at in OnboardingStepDone.objects.filter(
        onboarding_id__in=records.values("pk")
    ).values_list("onboarding_id", "step", "done_at"):
        steps.setdefault(onboarding_id, {})[step] = _local_date(done_at)
    for pk, joined_on in joined.items():
        entry = figures[district_of[pk]]
        done = steps.get(pk, {})
        entry.new_members += 1
        if OnboardingStep.WELCOME_CALL in done:
            entry._days_to_call.append(
                max((done[OnboardingStep.WELCOME_CALL] - joined_on).days, 0)
            )
        if OnboardingStep.MEETING_ATTENDED in done:
            entry._attended += 1
        if len(done) < len(STEPS):
            since_date = max([joined_on, *done.values()])
            if (today - since_date).days > WAITING_TOO_LONG:
                entry.waiting_too_long += 1
    for entry in figures.values():
        if entry._days_to_call:
            entry.median_days_to_call = statistics.median(entry._days_to_call)
        if entry.new_members:
            entry.attended_share = round(100 * entry._attended / entry.new_members, 1)
    return [figures[district.pk] for district in districts]


def next_new_member_meeting(*, district, now=None):
    """The next new-member meeting of ``district`` as ``(title, start, url)``.

    The calendar belongs to ``dialog``, which may use ``members`` but not the
    other way round: dialog answers through the hook ``onboarding_next_meeting``.
    """
    if district is None:
        return None
    now = now or timezone.now()
    for finder in hooks.get_hooks("onboarding_next_meeting"):
        found = finder(district=district, now=now)
        if found is not None:
            return found
    return None


PERIODS = {"90": timedelta(days=90), "365": timedelta(days=365), "all": None}
