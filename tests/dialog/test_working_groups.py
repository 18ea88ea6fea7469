"""Working groups: join and leave, the size for everyone, the list for coordinators."""

from django.urls import reverse
from wagtail.models import PageLogEntry

from core.audit import VIEWED
from dialog.factories import (
    EventPageFactory,
    WorkingGroupPageFactory,
)
from dialog.models import EventPage, WorkingGroupCoordinator
from members.factories import ProfileFactory
from registrations.factories import RegistrationFactory
from registrations.models import Registration
from tests.utils import in_days, page_text


def members_only_group(parent, **fields):
    return WorkingGroupPageFactory(
        parent=parent,
        title="AG Mitgliederarbeit",
        registration_mode="members",
        **fields,
    )


def join(group, user, name):
    ProfileFactory(user=user, display_name=name)
    return RegistrationFactory(page=group, user=user, name="", email="")


def list_url(group):
    return reverse("dialog:working_group_members", args=[group.pk])


def test_a_member_joins_with_one_click(client, home_page, member_user):
    group = members_only_group(home_page)
    client.force_login(member_user)

    response = client.post(
        reverse("registrations:registration_form", args=[group.pk]), {"consent": "on"}
    )

    assert response.status_code == 302
    registration = Registration.objects.get(page=group, user=member_user)
    assert registration.status == "confirmed"


def test_visitors_cannot_join_a_members_only_group(client, home_page):
    group = members_only_group(home_page)

    client.post(
        reverse("registrations:registration_form", args=[group.pk]), {"consent": "on"}
    )

    assert not Registration.objects.exists()


def test_a_member_leaves_the_group(client, home_page, member_user):
    group = members_only_group(home_page)
    registration = join(group, member_user, "Rosa")
    client.force_login(member_user)
    assert "Gruppe verlassen" in page_text(client, group.url)

    response = client.post(
        reverse("registrations:registration_cancel_own", args=[registration.pk])
    )

    assert response.status_code == 200
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert "1 Mitglied" not in page_text(client, group.url)


def test_everyone_sees_how_many_members_the_group_has(client, home_page, make_user):
    group = members_only_group(home_page)
    join(group, make_user("a"), "Anna")
    join(group, make_user("b"), "Bert")
    left = join(group, make_user("c"), "Cem")
    left.status = "cancelled"
    left.save()

    html = page_text(client, group.url)

    assert "2 Mitglieder" in html
    assert "Anna" not in html


def test_other_members_get_403_for_the_member_list(
    client, home_page, member_user, make_user
):
    group = members_only_group(home_page)
    join(group, make_user("a"), "Anna Vertraulich")
    join(group, member_user, "Rosa")
    client.force_login(member_user)

    response = client.get(list_url(group))

    assert response.status_code == 403
    assert "Anna Vertraulich" not in response.content.decode()
    assert list_url(group) not in page_text(client, group.url)


def test_visitors_get_403_for_the_member_list(client, home_page, make_user):
    group = members_only_group(home_page)
    join(group, make_user("a"), "Anna Vertraulich")

    response = client.get(list_url(group))

    assert response.status_code == 403
    assert "Anna Vertraulich" not in response.content.decode()


def test_a_coordinator_of_another_group_gets_403(client, home_page, make_user):
    group = members_only_group(home_page)
    other = WorkingGroupPageFactory(parent=home_page)
    coordinator = make_user("koordination")
    WorkingGroupCoordinator.objects.create(page=other, user=coordinator)
    client.force_login(coordinator)

    assert client.get(list_url(group)).status_code == 403


def test_coordinators_see_names_without_contact_data(client, home_page, make_user):
    group = members_only_group(home_page)
    join(group, make_user("anna"), "Anna")
    coordinator = make_user("koordination")
    WorkingGroupCoordinator.objects.create(page=group, user=coordinator)
    client.force_login(coordinator)
    assert list_url(group) in page_text(client, group.url)

    html = page_text(client, list_url(group))

    assert '<th scope="row">Anna</th>' in html
    assert "anna@example.org" not in html
    entry = PageLogEntry.objects.get(action=VIEWED)
    assert entry.page_id == group.pk
    assert entry.user == coordinator
    assert entry.data["count"] == 1


def test_district_editors_see_the_list_of_their_districts_groups(
    client, district, district_editor, make_user
):
    group = members_only_group(district, district=district)
    join(group, make_user("anna"), "Anna")
    client.force_login(district_editor)

    assert "Anna" in page_text(client, list_url(group))


def test_a_missing_group_is_404(client, member_user):
    client.force_login(member_user)

    response = client.get(reverse("dialog:working_group_members", args=[99999]))

    assert response.status_code == 404


def test_the_page_lists_the_next_five_meetings_with_bounded_queries(
    client, home_page, event_index, django_assert_max_num_queries
):
    group = members_only_group(home_page)
    for days in range(1, 8):
        EventPageFactory(
            parent=event_index,
            title=f"AG-Treffen Tag {days}",
            kind=EventPage.Kind.WORKING_GROUP_MEETING,
            working_group=group,
            start=in_days(days),
        )
    draft = EventPageFactory(
        parent=event_index,
        title="Entwurfstreffen",
        working_group=group,
        start=in_days(1),
    )
    draft.unpublish()

    with django_assert_max_num_queries(40):
        html = page_text(client, group.url)

    assert [f"AG-Treffen Tag {d}" in html for d in range(1, 8)] == [True] * 5 + [
        False
    ] * 2
    assert "Entwurfstreffen" not in html
