"""The district dashboard: who waits how long at which step; ticking steps off."""

import datetime

from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from core.audit import VIEWED
from members.factories import (
    OnboardingFactory,
    OnboardingStepDoneFactory,
    ProfileFactory,
)
from members.models import OnboardingStep, OnboardingStepDone
from tests.members.onboarding_helpers import (
    dashboard_url,
    detail_url,
    grant_onboarding,
    step_url,
)


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def newcomer(name, district, *, joined_days_ago=1, steps=()):
    record = OnboardingFactory(district=district, joined_on=days_ago(joined_days_ago))
    ProfileFactory(user=record.user, display_name=name)
    for step in steps:
        OnboardingStepDoneFactory(
            onboarding=record,
            step=step,
            done_at=timezone.now() - datetime.timedelta(days=joined_days_ago),
        )
    return record


def test_a_district_coordinator_sees_only_their_district(
    client, coordinator, district, other_district
):
    newcomer("Aylin aus Kreuzberg", district)
    newcomer("Bodo aus Marzahn", other_district)
    client.force_login(coordinator)

    response = client.get(dashboard_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Aylin aus Kreuzberg" in html
    assert "Bodo aus Marzahn" not in html


def test_filtering_by_another_district_is_refused(
    client, coordinator, district, other_district
):
    newcomer("Bodo aus Marzahn", other_district)
    client.force_login(coordinator)

    response = client.get(dashboard_url(), {"district": other_district.pk})

    assert response.status_code == 400
    assert "Bodo aus Marzahn" not in response.content.decode()


def test_state_office_sees_every_district(
    client, state_coordinator, district, other_district
):
    newcomer("Aylin aus Kreuzberg", district)
    newcomer("Bodo aus Marzahn", other_district)
    client.force_login(state_coordinator)

    html = client.get(dashboard_url()).content.decode()

    assert "Aylin aus Kreuzberg" in html
    assert "Bodo aus Marzahn" in html


def test_longest_waiting_come_first_with_their_next_step(client, coordinator, district):
    newcomer("Kurz gewartet", district, joined_days_ago=2)
    newcomer(
        "Lange gewartet",
        district,
        joined_days_ago=20,
        steps=[OnboardingStep.WELCOME_MAIL],
    )
    client.force_login(coordinator)

    html = client.get(dashboard_url()).content.decode()

    assert html.index("Lange gewartet") < html.index("Kurz gewartet")
    assert "20 Tage" in html
    assert "Begrüßungsanruf" in html


def test_people_through_the_whole_checklist_are_not_listed(
    client, coordinator, district
):
    newcomer("Fertig", district, steps=list(OnboardingStep))
    client.force_login(coordinator)

    assert "Fertig" not in client.get(dashboard_url()).content.decode()


def test_ticking_a_step_off_records_who_and_when(client, coordinator, district):
    record = newcomer("Aylin", district, steps=[OnboardingStep.WELCOME_MAIL])
    client.force_login(coordinator)

    response = client.post(
        step_url(record),
        {"step": "welcome_call", "action": "done", "note": "Sehr interessiert"},
    )

    assert response.status_code == 302
    done = OnboardingStepDone.objects.get(onboarding=record, step="welcome_call")
    assert done.done_by == coordinator
    assert done.note == "Sehr interessiert"
    assert timezone.now() - done.done_at < datetime.timedelta(minutes=1)
    detail = client.get(detail_url(record)).content.decode()
    assert "Sehr interessiert" in detail


def test_a_step_ticked_by_mistake_can_be_undone(client, coordinator, district):
    record = newcomer("Aylin", district, steps=[OnboardingStep.WELCOME_CALL])
    client.force_login(coordinator)

    client.post(step_url(record), {"step": "welcome_call", "action": "undo"})

    assert not record.steps.filter(step="welcome_call").exists()


def test_an_unknown_step_is_a_400_and_stores_nothing(client, coordinator, district):
    record = newcomer("Aylin", district)
    client.force_login(coordinator)

    response = client.post(step_url(record), {"step": "party", "action": "done"})

    assert response.status_code == 400
    assert not record.steps.exists()


def test_ticking_needs_a_post(client, coordinator, district):
    record = newcomer("Aylin", district)
    client.force_login(coordinator)

    assert client.get(step_url(record)).status_code == 405


def test_ticking_in_another_district_is_404_and_stores_nothing(
    client, coordinator, other_district
):
    record = newcomer("Bodo", other_district)
    client.force_login(coordinator)

    response = client.post(step_url(record), {"step": "welcome_call", "action": "done"})

    assert response.status_code == 404
    assert not record.steps.exists()


def test_another_districts_checklist_is_not_found(client, coordinator, other_district):
    record = newcomer("Bodo", other_district)
    client.force_login(coordinator)

    response = client.get(detail_url(record))

    assert response.status_code == 404
    assert "Bodo" not in response.content.decode()


def test_editors_without_the_permission_get_403(client, district_editor, district):
    newcomer("Aylin", district)
    client.force_login(district_editor)

    response = client.get(dashboard_url())

    assert response.status_code == 403
    assert "Aylin" not in response.content.decode()


def test_members_get_403(client, member_user, district):
    client.force_login(member_user)

    assert client.get(dashboard_url()).status_code in (302, 403)


def test_the_permission_without_a_district_opens_nothing(client, make_user):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Nur Recht")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = grant_onboarding(make_user("ohne-bezirk", groups=[group]))
    client.force_login(user)

    assert client.get(dashboard_url()).status_code == 403


def test_viewing_the_list_is_logged(client, coordinator, district):
    newcomer("Aylin", district)
    newcomer("Bert", district)
    client.force_login(coordinator)

    client.get(dashboard_url())

    entry = PageLogEntry.objects.get(action=VIEWED)
    assert entry.page_id == district.pk
    assert entry.user == coordinator
    assert entry.data["count"] == 2


def test_viewing_a_checklist_is_logged(client, coordinator, district):
    record = newcomer("Aylin", district)
    client.force_login(coordinator)

    client.get(detail_url(record))

    entries = ModelLogEntry.objects.filter(action=VIEWED, object_id=str(record.pk))
    assert entries.exists()


def test_dashboard_queries_do_not_grow_with_the_list(
    client, coordinator, district, django_assert_max_num_queries
):
    for number in range(12):
        newcomer(
            f"Person {number}",
            district,
            joined_days_ago=number,
            steps=[OnboardingStep.WELCOME_MAIL, OnboardingStep.WELCOME_CALL],
        )
    client.force_login(coordinator)

    with django_assert_max_num_queries(30):
        response = client.get(dashboard_url())

    assert response.content.decode().count("Person ") >= 12
