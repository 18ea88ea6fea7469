"""The evaluation report: answers and usage per briefing and per month.

Everything here is counted per briefing or per month; nothing identifies a
person (answers are counted, remarks are shown without names).
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from news.models import DecisionBriefingPage
from subscriptions.models import Delivery

from ..models.evaluation import BriefingFeedback, Metric, UsageCount

ANSWERS = [choice for choice, _label in BriefingFeedback.Answer.choices]


def _month_range(month):
    """``(first day, first day of next month)`` of a ``date`` in that month."""
    start = month.replace(day=1)
    following = (start + datetime.timedelta(days=32)).replace(day=1)
    return start, following


def _as_month(value):
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.replace(day=1)


def briefing_report(*, month: datetime.date | None = None) -> list[dict]:
    """One row per decision briefing, newest decision first.

    With ``month``, only what happened in that month is counted (answers by
    their last change).
    """
    feedback = BriefingFeedback.objects.all()
    usage = UsageCount.objects.filter(
        metric__in=[Metric.PAGE_VIEW, Metric.PRINT_VIEW], page__isnull=False
    )
    deliveries = Delivery.objects.filter(status=Delivery.Status.SENT)
    if month is not None:
        start, end = _month_range(month)
        feedback = feedback.filter(
            updated_at__date__gte=start, updated_at__date__lt=end
        )
        usage = usage.filter(date__gte=start, date__lt=end)
        deliveries = deliveries.filter(sent_at__date__gte=start, sent_at__date__lt=end)
    answers = {}
    for row in feedback.values("briefing_id", "answer").annotate(n=Count("pk")):
        answers.setdefault(row["briefing_id"], {})[row["answer"]] = row["n"]
    remarks = dict(
        feedback.exclude(remark="")
        .values_list("briefing_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {
        (row["page_id"], row["metric"]): row["n"]
        for row in usage.values("page_id", "metric").annotate(n=Sum("count"))
    }
    mails = dict(deliveries.values_list("page_id").annotate(n=Count("pk")).order_by())
    rows = []
    for briefing in DecisionBriefingPage.objects.order_by("-decision_date", "title"):
        given = answers.get(briefing.pk, {})
        rows.append(
            {
                "briefing": briefing,
                "answers": [given.get(answer, 0) for answer in ANSWERS],
                "answer_total": sum(given.values()),
                "remarks": remarks.get(briefing.pk, 0),
                "page_views": counts.get((briefing.pk, Metric.PAGE_VIEW), 0),
                "print_views": counts.get((briefing.pk, Metric.PRINT_VIEW), 0),
                "mails_sent": mails.get(briefing.pk, 0),
            }
        )
    return rows


def briefing_remarks(*, briefing) -> list[BriefingFeedback]:
    """The remarks on one briefing, without who wrote them."""
    return list(
        BriefingFeedback.objects.filter(briefing=briefing)
        .exclude(remark="")
        .only("answer", "remark", "updated_at")
        .order_by("-updated_at")
    )


def monthly_report() -> list[dict]:
    """One row per month with any figure, newest month first."""
    months = {}

    def row(month):
        return months.setdefault(
            _as_month(month),
            {
                "answers": [0 for _answer in ANSWERS],
                "page_views": 0,
                "print_views": 0,
                "mails_sent": 0,
                "feed_requests": 0,
                "calendar_requests": 0,
            },
        )

    for entry in (
        BriefingFeedback.objects.annotate(month=TruncMonth("updated_at"))
        .values("month", "answer")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        row(entry["month"])["answers"][ANSWERS.index(entry["answer"])] += entry["n"]
    metric_field = {
        Metric.PAGE_VIEW: "page_views",
        Metric.PRINT_VIEW: "print_views",
        Metric.FEED: "feed_requests",
        Metric.CALENDAR: "calendar_requests",
    }
    for entry in (
        UsageCount.objects.annotate(month=TruncMonth("date"))
        .values("month", "metric")
        .annotate(n=Sum("count"))
        .order_by()
    ):
        row(entry["month"])[metric_field[entry["metric"]]] += entry["n"]
    briefing_type = ContentType.objects.get_for_model(DecisionBriefingPage)
    for entry in (
        Delivery.objects.filter(
            status=Delivery.Status.SENT,
            page__content_type=briefing_type,
            sent_at__isnull=False,
        )
        .annotate(month=TruncMonth("sent_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        row(entry["month"])["mails_sent"] += entry["n"]
    return [
        {"month": month, **figures, "answer_total": sum(figures["answers"])}
        for month, figures in sorted(months.items(), reverse=True)
    ]
