"""Roles: the groups from the migration, district editors, coordinators, roles_sync."""

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page

from core.roles import (
    COORDINATION,
    STATE_OFFICE_GROUP_NAME,
    coordinator_permissions_grant,
    role_permissions,
    roles_sync,
)
from home.factories import DistrictPageFactory
from home.roles import district_editor_group_ensure
from home.selectors import districts_managed_by


def page_codenames(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_the_migration_creates_the_german_role_groups(db):
    names = set(Group.objects.values_list("name", flat=True))

    assert {
        "Presse",
        "Koordination",
        "Landesgeschäftsstelle",
        "Freigabe Briefings",
        "Mitglieder",
    } <= names


def test_press_staff_may_moderate_every_comment(make_user):
    user = make_user("pia", groups=[Group.objects.get(name="Presse")])

    assert user.has_perm("comments.moderate_all_comments")
    assert user.has_perm("wagtailadmin.access_admin")


def test_the_state_office_may_edit_the_whole_page_tree(db):
    group = Group.objects.get(name="Landesgeschäftsstelle")
    root = Page.get_first_root_node()

    assert {"add_page", "change_page", "publish_page"} <= page_codenames(group, root)


def test_the_state_office_manages_every_district(make_user, district, other_district):
    user = make_user("lgs", groups=[Group.objects.get(name="Landesgeschäftsstelle")])

    assert set(districts_managed_by(user)) == {district, other_district}


def test_a_district_editor_group_edits_only_its_district(
    make_user, district, other_district
):
    group = district_editor_group_ensure(district)
    user = make_user("kemal", groups=[group])

    assert group.name == "Bezirksredaktion Friedrichshain-Kreuzberg"
    assert page_codenames(group, district) >= {"add_page", "change_page"}
    assert list(districts_managed_by(user)) == [district]


def test_ensuring_a_district_group_twice_changes_nothing(district):
    first = district_editor_group_ensure(district)
    count = GroupPagePermission.objects.count()

    second = district_editor_group_ensure(district)

    assert first == second
    assert GroupPagePermission.objects.count() == count


def test_coordinators_get_only_the_tool_permissions_that_exist(db):
    granted = coordinator_permissions_grant()

    coordinators = Group.objects.get(name="Koordination")
    assert set(granted) <= set(role_permissions(COORDINATION))
    assert coordinators.permissions.filter(codename="access_admin").exists()
    assert coordinators.permissions.filter(codename="coordinate_all_districts").exists()
    assert coordinators.permissions.count() == len(granted) + 2


def test_roles_sync_makes_a_group_per_district_and_the_briefing_workflow(
    district, other_district, news_index
):
    report = roles_sync()

    assert set(report["districts"]) == {
        "Bezirksredaktion Friedrichshain-Kreuzberg",
        "Bezirksredaktion Marzahn-Hellersdorf",
    }
    assert news_index.get_workflow().name == "Zweite Freigabe"
    assert district.get_workflow().name == "Zweite Freigabe"
    press = Group.objects.get(name="Presse")
    assert "publish_page" in page_codenames(press, news_index)
    # Changing a district page would make the press office a district manager.
    assert page_codenames(press, district) == set()


def test_roles_sync_command_reports_what_it_did(district, capsys):
    call_command("roles_sync")

    assert "Bezirksredaktion Friedrichshain-Kreuzberg" in capsys.readouterr().out


def test_a_new_district_page_gets_its_editor_group_through_the_admin_hook(
    district_index,
):
    from home.wagtail_hooks import district_editors_for_new_district

    page = DistrictPageFactory(parent=district_index, title="Pankow", slug="pankow")

    district_editors_for_new_district(None, page)

    assert Group.objects.filter(name="Bezirksredaktion Pankow").exists()


def test_the_state_office_keeps_the_tracker_and_reads_who_was_notified(make_user):
    roles_sync()
    office = make_user(
        "buero", groups=[Group.objects.get(name=STATE_OFFICE_GROUP_NAME)]
    )

    assert office.has_perm("tracker.change_agreementitem")
    assert office.has_perm("tracker.add_statusupdate")
    assert office.has_perm("subscriptions.view_subscriber")
    assert not office.has_perm("subscriptions.change_subscriber")
