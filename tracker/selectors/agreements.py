"""Reads of the coalition tracker: filtered items, progress figures, history."""

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext as _

from core.charts import bar_chart
from core.selectors import visible_to

from ..models.agreements import (
    AgreementChapter,
    AgreementItem,
    ItemStatus,
    StatusUpdate,
)


def items_filter(*, agreement, topic=None, status="", chapter=None, query=""):
    items = AgreementItem.objects.filter(chapter__agreement=agreement)
    if topic is not None:
        items = items.filter(topics__translation_key=topic.translation_key)
    if status:
        items = items.filter(status=status)
    if chapter is not None:
        items = items.filter(chapter=chapter)
    for word in query.split():
        items = items.filter(
            Q(title__icontains=word)
            | Q(agreed_text__icontains=word)
            | Q(department__icontains=word)
        )
    return (
        items.select_related("chapter__agreement")
        .prefetch_related("topics")
        .order_by("chapter__number", "number")
        .distinct()
    )


def chapter_progress(*, agreement) -> list[dict]:
    """Per chapter: number of items, mean progress (1 decimal) and status counts.

    The mean is over every item of the chapter, dropped ones included: a
    dropped promise pulls the chapter down, as it should.
    """
    counts = {
        status: Count("items", filter=Q(items__status=status))
        for status in ItemStatus.values
    }
    rows = (
        AgreementChapter.objects.filter(agreement=agreement)
        .annotate(item_count=Count("items"), mean=Avg("items__progress"), **counts)
        .order_by("number")
    )
    return [
        {
            "chapter": chapter,
            "items": chapter.item_count,
            "progress": None if chapter.mean is None else round(chapter.mean, 1),
            "statuses": {
                status: getattr(chapter, status) for status in ItemStatus.values
            },
        }
        for chapter in rows
    ]


def topic_progress(*, agreement) -> list[tuple[str, float]]:
    """``(topic name, mean progress)`` for every topic with items, by name."""
    rows = (
        AgreementItem.objects.filter(chapter__agreement=agreement)
        .values("topics__name")
        .exclude(topics__name=None)
        .annotate(mean=Avg("progress"), n=Count("pk"))
        .order_by("topics__name")
    )
    return [(row["topics__name"], round(row["mean"], 1)) for row in rows]


def status_totals(*, agreement) -> list[tuple[str, int]]:
    found = dict(
        AgreementItem.objects.filter(chapter__agreement=agreement)
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    return [(label, found.get(key, 0)) for key, label in ItemStatus.choices]


def agreement_charts(*, agreement):
    chapters = chapter_progress(agreement=agreement)
    return {
        "chapters": chapters,
        "chapter_chart": bar_chart(
            title=_("Progress per chapter"),
            rows=[(str(row["chapter"]), row["progress"]) for row in chapters],
            unit="%",
            max_value=100,
        ),
        "topic_chart": bar_chart(
            title=_("Progress per topic"),
            rows=topic_progress(agreement=agreement),
            unit="%",
            max_value=100,
        ),
        "status_chart": bar_chart(
            title=_("Items by status"), rows=status_totals(agreement=agreement)
        ),
    }


def item_history(*, item):
    """Every status change of ``item``, newest first."""
    return item.status_updates.order_by("-date", "-created_at", "-pk")


def recent_status_updates(*, agreement, limit=30):
    return (
        StatusUpdate.objects.filter(item__chapter__agreement=agreement)
        .select_related("item__chapter__agreement")
        .prefetch_related("item__topics")
        .order_by("-created_at", "-pk")[:limit]
    )


def linked_pages(pages, user):
    """Linked briefings or events the reader may open."""
    return visible_to(pages.live(), user).order_by("title")


def agreement_links_for_event(*, event):
    """The chapters and items a base conference discussed (for the event page)."""
    chapters = event.agreement_chapters.filter(agreement__live=True).select_related(
        "agreement"
    )
    items = event.agreement_items.filter(chapter__agreement__live=True).select_related(
        "chapter__agreement"
    )
    return list(chapters), list(items)
