"""District coordinators: the coordination tools for one district, no pages."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission

from core.roles import COORDINATORS_GROUP_NAME, STATE_OFFICE_GROUP_NAME, roles_sync
from home.factories import DistrictPageFactory
from home.models import DistrictCoordinatorGroup
from home.roles import district_coordinator_group_ensure
from home.selectors import districts_coordinated_by, districts_managed_by
from members.factories import (
    MentoringApplicationFactory,
    OnboardingFactory,
    PoolEntryFactory,
    ProfileFactory,
)
from members.models import MentoringApplication
from surveys.factories import SurveyFactory
from tests.members.pool_helpers import member


@pytest.fixture
def district_coordinator(make_user, district, other_district):
    roles_sync()
    return make_user(
        "jonas", groups=[DistrictCoordinatorGroup.objects.get(district=district).group]
    )


@pytest.fixture
def state_coordinator(make_user, district, other_district):
    roles_sync()
    return make_user("lena", groups=[Group.objects.get(name=COORDINATORS_GROUP_NAME)])


def test_roles_sync_gives_every_district_a_coordinators_group(district, other_district):
    roles_sync()

    names = set(DistrictCoordinatorGroup.objects.values_list("group__name", flat=True))
    assert names == {
        "Koordination Friedrichshain-Kreuzberg",
        f"Koordination {other_district.title}",
    }


def test_a_coordinators_group_has_the_tools_but_no_page_rights(district):
    group = district_coordinator_group_ensure(district)

    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {
        "access_admin",
        "search_volunteer_pool",
        "manage_onboarding",
        "coordinate_mentoring",
        "manage_surveys",
    } <= codenames
    assert "coordinate_all_districts" not in codenames
    assert not GroupPagePermission.objects.filter(group=group).exists()


def test_ensuring_the_group_twice_keeps_one_group(district):
    first = district_coordinator_group_ensure(district)
    district.title = "Xhain"
    district.save()

    second = district_coordinator_group_ensure(district)

    assert first == second
    assert DistrictCoordinatorGroup.objects.filter(district=district).count() == 1


def test_a_new_district_page_gets_its_coordinators_through_the_admin_hook(
    district_index,
):
    from home.wagtail_hooks import district_editors_for_new_district

    page = DistrictPageFactory(parent=district_index, title="Pankow", slug="pankow")

    district_editors_for_new_district(None, page)

    link = DistrictCoordinatorGroup.objects.get(district=page)
    assert link.group.name == "Koordination Pankow"


def test_a_district_coordinator_coordinates_only_their_district(
    district_coordinator, district
):
    assert list(districts_coordinated_by(district_coordinator)) == [district]
    assert not districts_managed_by(district_coordinator).exists()


@pytest.mark.parametrize(
    "group_name", [COORDINATORS_GROUP_NAME, STATE_OFFICE_GROUP_NAME]
)
def test_state_wide_groups_coordinate_every_district(
    make_user, district, other_district, group_name
):
    user = make_user("lena", groups=[Group.objects.get(name=group_name)])

    assert set(districts_coordinated_by(user)) == {district, other_district}


def test_a_district_editor_keeps_their_district(
    district_editor, district, other_district
):
    assert list(districts_coordinated_by(district_editor)) == [district]


def test_visitors_and_members_coordinate_nothing(member_user, district):
    from django.contrib.auth.models import AnonymousUser

    assert not districts_coordinated_by(AnonymousUser()).exists()
    assert not districts_coordinated_by(member_user).exists()


def test_a_district_coordinator_cannot_edit_the_district_page(
    client, district_coordinator, district
):
    client.force_login(district_coordinator)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[district.pk]))

    assert response.status_code == 302


# -- the tools ----------------------------------------------------------------


@pytest.fixture
def pool_people(make_user, members_group, district, other_district):
    for name, offered in [("Aylin", district), ("Bodo", other_district)]:
        user = member(make_user, members_group, name.lower(), display_name=name)
        PoolEntryFactory(user=user, districts=[offered], skills=["Plakatieren"])


def test_a_district_coordinator_finds_only_their_districts_pool(
    client, district_coordinator, pool_people
):
    client.force_login(district_coordinator)

    response = client.get("/admin/mitmachen-pool/", {"skills": "Plakatieren"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Aylin" in html
    assert "Bodo" not in html


def test_the_state_wide_coordinators_find_every_districts_pool(
    client, state_coordinator, pool_people
):
    client.force_login(state_coordinator)

    response = client.get("/admin/mitmachen-pool/", {"skills": "Plakatieren"})

    html = response.content.decode()
    assert "Aylin" in html
    assert "Bodo" in html


@pytest.fixture
def newcomers(district, other_district):
    records = {}
    people = [("Aylin aus Kreuzberg", district), ("Bodo aus Marzahn", other_district)]
    for name, where in people:
        record = OnboardingFactory(district=where)
        ProfileFactory(user=record.user, display_name=name)
        records[name] = record
    return records


def test_a_district_coordinator_sees_only_their_new_members(
    client, district_coordinator, newcomers
):
    client.force_login(district_coordinator)

    response = client.get(reverse("onboarding:index"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Aylin aus Kreuzberg" in html
    assert "Bodo aus Marzahn" not in html


def test_a_district_coordinator_cannot_open_another_districts_record(
    client, district_coordinator, newcomers
):
    client.force_login(district_coordinator)

    response = client.get(
        reverse("onboarding:detail", args=[newcomers["Bodo aus Marzahn"].pk])
    )

    assert response.status_code in (403, 404)


def test_the_state_wide_coordinators_see_every_new_member(
    client, state_coordinator, newcomers
):
    client.force_login(state_coordinator)

    html = client.get(reverse("onboarding:index")).content.decode()

    assert "Aylin aus Kreuzberg" in html
    assert "Bodo aus Marzahn" in html


@pytest.fixture
def applications(make_user, members_group, district, other_district):
    for name, where, role in [
        ("Aylin", district, MentoringApplication.Role.MENTEE),
        ("Bodo", other_district, MentoringApplication.Role.MENTOR),
    ]:
        user = member(make_user, members_group, name.lower(), display_name=name)
        MentoringApplicationFactory(user=user, district=where, role=role)


def test_a_district_coordinator_matches_only_their_districts_applications(
    client, district_coordinator, applications
):
    client.force_login(district_coordinator)

    response = client.get(reverse("mentoring:applications"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Aylin" in html
    assert "Bodo" not in html


def test_the_state_wide_coordinators_see_every_application(
    client, state_coordinator, applications
):
    client.force_login(state_coordinator)

    html = client.get(reverse("mentoring:applications")).content.decode()

    assert "Aylin" in html
    assert "Bodo" in html


def test_a_district_coordinator_makes_call_lists_only_for_their_district(
    client, district_coordinator, other_district
):
    survey = SurveyFactory()
    client.force_login(district_coordinator)

    response = client.post(
        reverse("survey_admin:call_lists", args=[survey.pk]),
        {"district": other_district.pk, "caller": district_coordinator.pk, "limit": 5},
    )

    assert response.status_code == 400
    assert not survey.call_lists.exists()
