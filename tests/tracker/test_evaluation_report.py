"""Staff see answers and uses per briefing and month, counted without tracking."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from subscriptions.factories import SubscriberFactory
from subscriptions.models import Delivery, Frequency, PageNotification
from tracker.factories import BriefingFeedbackFactory, UsageCountFactory
from tracker.models import Metric, UsageCount
from tracker.services.evaluation import usage_count, usage_counts_flush

REPORT = "tracker_evaluation_report"


@pytest.fixture
def analyst(make_user):
    user = make_user("presse", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_evaluation_report"),
    )
    return user


def counts():
    usage_counts_flush()
    return {(row.metric, row.page_id): row.count for row in UsageCount.objects.all()}


def test_briefing_views_and_print_views_are_counted(client, public_briefing):
    client.get(public_briefing.url)
    client.get(public_briefing.url)
    client.get(public_briefing.print_url())

    assert counts() == {
        (Metric.PAGE_VIEW, public_briefing.pk): 2,
        (Metric.PRINT_VIEW, public_briefing.pk): 1,
    }


def test_views_answered_from_the_page_cache_are_counted_too(
    client, settings, public_briefing
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    first = client.get(public_briefing.url)
    second = client.get(public_briefing.url)
    client.get(reverse("news:feed_briefings_rss"))
    client.get(reverse("news:feed_briefings_rss"))

    assert second.headers.get("X-Page-Cache") == "hit"
    assert "X-Portal-Usage" not in first.headers
    assert "X-Portal-Usage" not in second.headers
    assert counts() == {
        (Metric.PAGE_VIEW, public_briefing.pk): 2,
        (Metric.FEED, None): 2,
    }


def test_site_feeds_and_calendars_are_counted(client, public_briefing):
    client.get(reverse("news:feed_briefings_rss"))
    client.get(reverse("news:feed_news_atom"))
    client.get(reverse("dialog_feeds:feed_calendar"))

    assert counts() == {(Metric.FEED, None): 2, (Metric.CALENDAR, None): 1}


def test_agreement_feed_is_counted(client, agreement, rent_item):
    client.get(agreement.url + "aenderungen/rss/")

    assert counts() == {(Metric.FEED, agreement.pk): 1}


def test_refused_and_failed_requests_are_not_counted(
    client, members_briefing, public_briefing
):
    client.get(members_briefing.url)  # a visitor is sent to the login
    client.head(public_briefing.url)
    client.get(public_briefing.url + "gibtsnicht/")

    assert counts() == {}


def test_counter_is_one_row_per_day_metric_and_page(public_briefing):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    for _ in range(3):
        usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)
    usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk, day=yesterday)
    usage_count(metric=Metric.FEED)
    usage_count(metric=Metric.FEED)
    usage_counts_flush()

    assert UsageCount.objects.count() == 3
    assert counts()[(Metric.FEED, None)] == 2


def test_no_per_person_reading_data_is_stored(client, member_user, public_briefing):
    client.force_login(member_user)
    client.get(public_briefing.url)
    client.get(public_briefing.print_url())

    fields = {field.name for field in UsageCount._meta.get_fields()}
    assert fields == {"id", "date", "metric", "page", "count", "cache_total"}
    assert "tracker" not in "".join(client.cookies.keys())
    usage_counts_flush()
    row = UsageCount.objects.get(metric=Metric.PAGE_VIEW)
    assert row.count == 1


def test_report_counts_match_the_recorded_events(
    client, analyst, public_briefing, member_user, make_user, members_group
):
    today = timezone.localdate()
    BriefingFeedbackFactory(briefing=public_briefing, user=member_user, answer="yes")
    BriefingFeedbackFactory(
        briefing=public_briefing,
        user=make_user("karl", groups=[members_group]),
        answer="partly",
        remark="Zu lang.",
    )
    UsageCountFactory(page=public_briefing.page_ptr, metric=Metric.PAGE_VIEW, count=12)
    UsageCountFactory(page=public_briefing.page_ptr, metric=Metric.PRINT_VIEW, count=3)
    UsageCountFactory(page=None, metric=Metric.FEED, count=7)
    UsageCountFactory(page=None, metric=Metric.CALENDAR, count=2)
    notification = PageNotification.objects.create(page=public_briefing)
    for status in (Delivery.Status.SENT, Delivery.Status.SENT, Delivery.Status.FAILED):
        Delivery.objects.create(
            notification=notification,
            subscriber=SubscriberFactory(),
            page=public_briefing,
            frequency=Frequency.IMMEDIATE,
            status=status,
            sent_at=timezone.now() if status == Delivery.Status.SENT else None,
        )
    client.force_login(analyst)

    response = client.get(reverse(REPORT), {"export": "briefings"})
    rows = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    months = list(
        csv.reader(
            io.StringIO(
                client.get(reverse(REPORT), {"export": "months"}).content.decode(
                    "utf-8-sig"
                )
            ),
            delimiter=";",
        )
    )

    assert response["Content-Type"].startswith("text/csv")
    assert rows[1] == [
        public_briefing.title,
        public_briefing.decision_date.isoformat(),
        "1",
        "1",
        "0",
        "1",
        "12",
        "3",
        "2",
    ]
    assert months[1] == [
        today.strftime("%Y-%m"),
        "1",
        "1",
        "0",
        "12",
        "3",
        "2",
        "7",
        "2",
    ]


def test_report_page_shows_the_tables(client, analyst, public_briefing, member_user):
    BriefingFeedbackFactory(
        briefing=public_briefing, user=member_user, remark="Hilfreich"
    )
    client.force_login(analyst)

    response = client.get(reverse(REPORT))

    html = response.content.decode()
    assert response.status_code == 200
    assert public_briefing.title in html
    assert html.count('scope="col"') >= 15
    assert member_user.username not in html and member_user.email not in html


def test_remarks_are_shown_without_names(client, analyst, public_briefing, member_user):
    BriefingFeedbackFactory(
        briefing=public_briefing, user=member_user, remark="Hilfreich"
    )
    client.force_login(analyst)

    html = client.get(
        reverse("tracker_evaluation_remarks", args=[public_briefing.pk])
    ).content.decode()

    assert "Hilfreich" in html
    assert member_user.username not in html


def test_month_filter_counts_only_that_month(client, analyst, public_briefing):
    UsageCountFactory(page=public_briefing.page_ptr, metric=Metric.PAGE_VIEW, count=5)
    UsageCountFactory(
        page=public_briefing.page_ptr,
        metric=Metric.PAGE_VIEW,
        count=9,
        date=datetime.date(2025, 1, 15),
    )
    client.force_login(analyst)

    response = client.get(reverse(REPORT), {"export": "briefings", "month": "2025-01"})

    row = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )[1]
    assert row[-3] == "9"


def test_bad_month_is_a_400(client, analyst):
    client.force_login(analyst)

    response = client.get(reverse(REPORT), {"month": "Januar"})

    assert response.status_code == 400


def test_report_needs_the_permission(client, make_user):
    user = make_user("redaktion", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    assert client.get(reverse(REPORT)).status_code == 403
    assert client.get(reverse(REPORT), {"export": "months"}).status_code == 403
