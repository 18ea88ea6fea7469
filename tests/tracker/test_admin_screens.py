"""The tracker's admin screens open for editors with the permissions."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    "name",
    [
        "tracker_chapter:index",
        "tracker_item:index",
        "tracker_status_update:index",
        "tracker_status_update:add",
        "tracker_item_import",
        "tracker_evaluation_report",
    ],
)
def test_admin_screen_opens(client, superuser, items, name):
    client.force_login(superuser)

    response = client.get(reverse(name))

    assert response.status_code == 200


def test_item_list_shows_every_item_with_its_status(
    client, superuser, items, django_assert_max_num_queries
):
    client.force_login(superuser)

    with django_assert_max_num_queries(40):
        response = client.get(reverse("tracker_item:index"))

    html = response.content.decode()
    for item in items:
        assert item.title in html


def test_editor_links_a_base_conference_to_a_chapter(
    client, superuser, housing_chapter, home_page
):
    from dialog.factories import EventIndexPageFactory, EventPageFactory
    from dialog.models import EventPage

    conference = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page),
        kind=EventPage.Kind.BASE_CONFERENCE,
    )
    client.force_login(superuser)

    response = client.post(
        reverse("tracker_chapter:edit", args=[housing_chapter.pk]),
        {
            "agreement": housing_chapter.agreement_id,
            "number": 1,
            "title": "Wohnen",
            "summary": "",
            "events": [conference.pk],
        },
    )

    assert response.status_code == 302
    assert list(conference.agreement_chapters.all()) == [housing_chapter]
