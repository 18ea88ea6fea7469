"""The state office compares districts: new members, days to the call, meetings."""

import datetime

from django.utils import timezone

from members.factories import OnboardingFactory, OnboardingStepDoneFactory
from members.models import OnboardingStep
from members.selectors import onboarding_district_figures
from tests.members.onboarding_helpers import overview_url

CALL = OnboardingStep.WELCOME_CALL
ATTENDED = OnboardingStep.MEETING_ATTENDED


def record(district, *, joined_days_ago, steps=None):
    """``steps``: {step: days after joining it was done}."""
    joined = timezone.localdate() - datetime.timedelta(days=joined_days_ago)
    onboarding = OnboardingFactory(district=district, joined_on=joined)
    for step, after in (steps or {}).items():
        done = timezone.make_aware(
            datetime.datetime.combine(
                joined + datetime.timedelta(days=after), datetime.time(12)
            )
        )
        OnboardingStepDoneFactory(onboarding=onboarding, step=step, done_at=done)
    return onboarding


def figures_by_district(user):
    return {f.district.slug: f for f in onboarding_district_figures(user=user)}


def test_median_days_to_the_call_and_share_attended(
    state_coordinator, district, other_district
):
    record(district, joined_days_ago=40, steps={CALL: 2, ATTENDED: 10})
    record(district, joined_days_ago=40, steps={CALL: 4})
    record(district, joined_days_ago=40, steps={CALL: 9, ATTENDED: 12})
    record(district, joined_days_ago=40, steps={CALL: 5})
    record(district, joined_days_ago=3)  # no call yet: not in the median

    kreuzberg = figures_by_district(state_coordinator)["friedrichshain-kreuzberg"]

    assert kreuzberg.new_members == 5
    assert kreuzberg.median_days_to_call == 4.5  # of 2, 4, 5, 9
    assert kreuzberg.attended_share == 40.0  # 2 of 5


def test_waiting_more_than_14_days_counts_from_the_last_step(
    state_coordinator, district
):
    record(district, joined_days_ago=30, steps={CALL: 1})  # waits 29 days
    record(district, joined_days_ago=30, steps={CALL: 20})  # waits 10 days
    record(district, joined_days_ago=15)  # waits 15 days
    record(district, joined_days_ago=14)  # waits exactly 14 days
    record(district, joined_days_ago=60, steps=dict.fromkeys(OnboardingStep, 1))

    kreuzberg = figures_by_district(state_coordinator)["friedrichshain-kreuzberg"]

    assert kreuzberg.waiting_too_long == 2


def test_a_district_without_new_members_shows_no_figures(
    state_coordinator, district, other_district
):
    record(district, joined_days_ago=3)

    marzahn = figures_by_district(state_coordinator)["marzahn-hellersdorf"]

    assert marzahn.new_members == 0
    assert marzahn.median_days_to_call is None
    assert marzahn.attended_share is None


def test_overview_shows_every_district_side_by_side_with_a_chart(
    client, state_coordinator, district, other_district
):
    record(district, joined_days_ago=40, steps={CALL: 3, ATTENDED: 7})
    record(district, joined_days_ago=40)
    record(other_district, joined_days_ago=10, steps={CALL: 6})
    client.force_login(state_coordinator)

    response = client.get(overview_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert '<th scope="row">Friedrichshain-Kreuzberg</th>' in html
    assert '<th scope="row">Marzahn-Hellersdorf</th>' in html
    assert "<td>50&nbsp;%</td>" in html
    assert "<svg" in html


def test_a_district_coordinator_compares_only_their_own_district(
    client, coordinator, district, other_district
):
    record(other_district, joined_days_ago=10)
    client.force_login(coordinator)

    html = client.get(overview_url()).content.decode()

    assert "Friedrichshain-Kreuzberg" in html
    assert "Marzahn-Hellersdorf" not in html


def test_the_period_limits_to_people_who_joined_in_it(state_coordinator, district):
    record(district, joined_days_ago=400)
    record(district, joined_days_ago=10)

    figures = onboarding_district_figures(
        user=state_coordinator,
        since=timezone.localdate() - datetime.timedelta(days=90),
    )

    assert figures[0].new_members == 1


def test_an_unknown_period_is_a_400(client, state_coordinator, district):
    client.force_login(state_coordinator)

    response = client.get(overview_url(), {"period": "forever"})

    assert response.status_code == 400


def test_overview_queries_stay_bounded(
    client, state_coordinator, district, other_district, django_assert_max_num_queries
):
    for days in range(10):
        record(district, joined_days_ago=days + 1, steps={CALL: 0})
        record(other_district, joined_days_ago=days + 1)
    client.force_login(state_coordinator)

    with django_assert_max_num_queries(25):
        assert client.get(overview_url()).status_code == 200
