"""Working-group pages show the next meetings; forum pages say whether they are open."""

import datetime

from django.utils import timezone

from dialog.factories import EventPageFactory, ForumPageFactory, WorkingGroupPageFactory
from dialog.models import EventPage
from tests.utils import in_days, page_text


def test_working_group_shows_purpose_and_rhythm(client, home_page):
    group = WorkingGroupPageFactory(
        parent=home_page,
        title="AG Mitgliederarbeit",
        purpose="<p>Wir begrüßen neue Mitglieder.</p>",
        rhythm="jeden zweiten Dienstag, 19 Uhr",
    )

    html = page_text(client, group.url)

    assert "AG Mitgliederarbeit" in html
    assert "Wir begrüßen neue Mitglieder." in html
    assert "jeden zweiten Dienstag, 19 Uhr" in html


def test_working_group_lists_its_next_meetings(client, home_page, event_index):
    group = WorkingGroupPageFactory(parent=home_page)
    EventPageFactory(
        parent=event_index,
        title="AG-Treffen Juni",
        kind=EventPage.Kind.WORKING_GROUP_MEETING,
        working_group=group,
        start=in_days(5),
    )
    EventPageFactory(
        parent=event_index,
        title="AG-Treffen Januar",
        kind=EventPage.Kind.WORKING_GROUP_MEETING,
        working_group=group,
        start=in_days(-60),
    )
    EventPageFactory(parent=event_index, title="Fremdes Treffen", start=in_days(5))

    html = page_text(client, group.url)

    assert "AG-Treffen Juni" in html
    assert "AG-Treffen Januar" not in html
    assert "Fremdes Treffen" not in html


def test_working_group_in_a_district_renders(client, district):
    group = WorkingGroupPageFactory(
        parent=district, title="AG Kiezarbeit", district=district
    )

    assert "AG Kiezarbeit" in page_text(client, group.url)


def test_forum_shows_its_opening_statement(client, home_page):
    forum = ForumPageFactory(
        parent=home_page,
        title="Wie erreichen wir den Stadtrand?",
        opening_statement="<p>Außenbezirke fühlen sich vergessen.</p>",
    )

    html = page_text(client, forum.url)

    assert "Wie erreichen wir den Stadtrand?" in html
    assert "Außenbezirke fühlen sich vergessen." in html


def test_forum_without_closing_date_is_open(home_page):
    assert ForumPageFactory(parent=home_page, discussion_closes=None).is_open


def test_forum_past_its_closing_date_is_closed(home_page):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    assert not ForumPageFactory(parent=home_page, discussion_closes=yesterday).is_open


def test_closed_forum_renders(client, home_page):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    forum = ForumPageFactory(parent=home_page, discussion_closes=yesterday)

    assert client.get(forum.url).status_code == 200
