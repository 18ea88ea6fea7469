"""Progress per chapter and per topic, the figures behind the charts."""

from tracker.factories import (
    AgreementChapterFactory,
    AgreementItemFactory,
    StatusUpdateFactory,
)
from tracker.models import ItemStatus
from tracker.selectors import chapter_progress, status_totals, topic_progress


def test_chapter_progress_is_the_mean_of_its_items(agreement, items):
    rows = {row["chapter"].number: row for row in chapter_progress(agreement=agreement)}

    assert rows[1]["items"] == 2
    assert rows[1]["progress"] == 70.0
    assert rows[1]["statuses"][ItemStatus.IMPLEMENTED] == 1
    assert rows[1]["statuses"][ItemStatus.IN_PROGRESS] == 1
    assert rows[2]["progress"] == 10.0
    assert rows[2]["statuses"][ItemStatus.STALLED] == 1


def test_dropped_items_count_with_their_progress(agreement, housing_chapter, items):
    dropped = AgreementItemFactory(chapter=housing_chapter, number=3)
    StatusUpdateFactory(item=dropped, status=ItemStatus.DROPPED, progress=0)

    rows = {row["chapter"].number: row for row in chapter_progress(agreement=agreement)}

    assert rows[1]["progress"] == round((40 + 100 + 0) / 3, 1)


def test_chapter_without_items_has_no_figure(agreement):
    AgreementChapterFactory(agreement=agreement, number=7, title="Leer")

    (row,) = chapter_progress(agreement=agreement)

    assert row["items"] == 0
    assert row["progress"] is None


def test_progress_follows_the_newest_status_change(agreement, rent_item, building_item):
    StatusUpdateFactory(item=rent_item, status=ItemStatus.IMPLEMENTED, progress=100)

    (row,) = chapter_progress(agreement=agreement)

    assert row["progress"] == 100.0


def test_topic_progress_averages_the_items_of_each_topic(agreement, items):
    assert topic_progress(agreement=agreement) == [
        ("Mieten & Wohnen", 70.0),
        ("Verkehr", 10.0),
    ]


def test_status_totals_name_every_status(agreement, items):
    totals = dict(status_totals(agreement=agreement))

    assert list(totals) == [str(label) for label in ItemStatus.labels]
    assert totals[ItemStatus.IN_PROGRESS.label] == 1
    assert totals[ItemStatus.STALLED.label] == 1
    assert totals[ItemStatus.DROPPED.label] == 0


def test_other_agreements_do_not_count(agreement, home_page, items):
    from tracker.factories import CoalitionAgreementPageFactory

    other = CoalitionAgreementPageFactory(parent=home_page, slug="alt", title="Alt")
    chapter = AgreementChapterFactory(agreement=other, number=1)
    StatusUpdateFactory(item=AgreementItemFactory(chapter=chapter), progress=0)

    rows = {row["chapter"].number: row for row in chapter_progress(agreement=agreement)}

    assert rows[1]["progress"] == 70.0
