import datetime

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from core.audit import VIEWED
from members.factories import PoolEntryFactory

from .pool_helpers import grant, member

URL = "/admin/mitmachen-pool/"


@pytest.fixture
def coordinator(district_editor):
    return grant(district_editor, "search_volunteer_pool")


@pytest.fixture
def state_coordinator(state_office_user):
    return grant(state_office_user, "search_volunteer_pool")


@pytest.fixture
def people(make_user, members_group, district, other_district):
    """One visible person per case, and the hidden ones, all offering FK."""
    today = timezone.localdate()
    entries = {}

    def entry(name, **kwargs):
        user = member(make_user, members_group, name.lower(), display_name=name)
        kwargs.setdefault("districts", [district])
        kwargs.setdefault("skills", ["Plakatieren"])
        entries[name] = PoolEntryFactory(user=user, **kwargs)
        return entries[name]

    entry("Aylin", languages={"tr": True}, skills=["Übersetzung Türkisch"])
    entry("Bruno", availability={"weekday_evenings": True})
    entry("Clara", districts=[other_district])
    entry(
        "Dana", paused=True, paused_until=today - datetime.timedelta(days=1)
    )  # pause over
    entry("Withdrawn", contact_consented_at=None)
    entry("Paused", paused=True, paused_until=today + datetime.timedelta(days=3))
    entry("Resting", paused=True)
    former = entry("Former")
    former.user.groups.clear()
    inactive = entry("Inactive")
    inactive.user.is_active = False
    inactive.user.save()
    return entries


def names_in(response):
    html = response.content.decode()
    return {
        name
        for name in [
            "Aylin",
            "Bruno",
            "Clara",
            "Dana",
            "Withdrawn",
            "Paused",
            "Resting",
            "Former",
            "Inactive",
        ]
        if f">{name}<" in html
    }


def test_search_never_returns_withdrawn_paused_former_or_inactive_members(
    client, state_coordinator, people
):
    client.force_login(state_coordinator)

    response = client.get(URL)

    assert response.status_code == 200
    assert names_in(response) == {"Aylin", "Bruno", "Clara", "Dana"}


def test_district_coordinator_finds_only_people_offering_their_district(
    client, coordinator, people
):
    client.force_login(coordinator)

    response = client.get(URL)

    assert names_in(response) == {"Aylin", "Bruno", "Dana"}


def test_district_coordinator_cannot_write_to_someone_of_another_district(
    client, coordinator, people
):
    client.force_login(coordinator)

    response = client.get(f"{URL}{people['Clara'].pk}/schreiben/")

    assert response.status_code == 404


def test_search_by_skill_language_and_availability(client, state_coordinator, people):
    client.force_login(state_coordinator)

    assert names_in(client.get(URL, {"skills": ["Übersetzung Türkisch"]})) == {"Aylin"}
    assert names_in(client.get(URL, {"language": "tr"})) == {"Aylin"}
    assert names_in(client.get(URL, {"availability": "weekday_evenings"})) == {"Bruno"}


def test_search_by_district(client, state_coordinator, people, other_district):
    client.force_login(state_coordinator)

    assert names_in(client.get(URL, {"district": other_district.pk})) == {"Clara"}


def test_results_show_no_email_address(client, state_coordinator, people):
    client.force_login(state_coordinator)

    html = client.get(URL).content.decode()

    assert "Übersetzung ins Türkische" in html
    assert "@example.org" not in html


def test_each_result_view_is_logged(client, coordinator, people, district):
    client.force_login(coordinator)

    client.get(URL)

    entry = PageLogEntry.objects.get(action=VIEWED)
    assert entry.user == coordinator
    assert entry.page_id == district.pk
    assert entry.data["count"] == 3


def test_search_with_no_results_is_not_logged(client, coordinator, district):
    client.force_login(coordinator)

    client.get(URL)

    assert not PageLogEntry.objects.filter(action=VIEWED).exists()
    assert not ModelLogEntry.objects.filter(action=VIEWED).exists()


def test_invalid_filter_is_a_message_not_an_error(client, state_coordinator, people):
    client.force_login(state_coordinator)

    response = client.get(URL, {"language": "xx", "district": "abc"})

    assert response.status_code == 200
    assert names_in(response) == set()


def test_search_queries_do_not_grow_with_results(
    client,
    state_coordinator,
    make_user,
    members_group,
    district,
    django_assert_max_num_queries,
):
    client.force_login(state_coordinator)
    for number in range(30):
        user = member(make_user, members_group, f"helfer{number}")
        PoolEntryFactory(user=user, districts=[district], skills=["IT", "Layout"])

    with django_assert_max_num_queries(40):
        response = client.get(URL)

    assert response.status_code == 200
    assert response.content.decode().count("/schreiben/") == 30


def test_menu_item_only_for_coordinators(client, coordinator, district_editor_2):
    client.force_login(coordinator)
    assert URL in client.get("/admin/").content.decode()

    client.force_login(district_editor_2)
    assert URL not in client.get("/admin/").content.decode()


@pytest.fixture
def district_editor_2(make_user, district):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Nur Admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return make_user("ohne-pool", groups=[group])


@pytest.mark.parametrize("path", ["", "1/schreiben/", "nachrichten/", "nachrichten/1/"])
def test_non_coordinator_gets_403_on_every_pool_admin_url(
    client, district_editor, people, path
):
    client.force_login(district_editor)

    assert client.get(URL + path).status_code == 403
    assert client.post(URL + path, {"subject": "x", "body": "y"}).status_code == 403
