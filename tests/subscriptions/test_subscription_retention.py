"""Subscribers left unconfirmed are deleted after 7 days; confirmed ones stay."""

import datetime

import pytest
from django.utils import timezone

from core.retention import retention_apply
from news.factories import SubscriptionFactory
from subscriptions.factories import SubscriberFactory
from subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db


def created_days_ago(subscriber, days):
    Subscriber.objects.filter(pk=subscriber.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_unconfirmed_subscribers_go_after_7_days_confirmed_ones_stay():
    eight = SubscriberFactory(email="acht@example.org", confirmed_at=None)
    six = SubscriberFactory(email="sechs@example.org", confirmed_at=None)
    confirmed = SubscriberFactory(email="bestaetigt@example.org")
    SubscriptionFactory(subscriber=eight)
    created_days_ago(eight, 8)
    created_days_ago(six, 6)
    created_days_ago(confirmed, 400)

    counts = retention_apply()

    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "bestaetigt@example.org",
        "sechs@example.org",
    ]
    assert counts["subscribers_unconfirmed_deleted"] == 1
    assert retention_apply()["subscribers_unconfirmed_deleted"] == 0
