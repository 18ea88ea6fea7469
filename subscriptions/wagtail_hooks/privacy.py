"""Subscriptions in the own-data export, erasure and retention."""

from django.db.models import Q
from wagtail import hooks

from core.retention import retention_period
from members.selectors import account_emails

from ..models import Subscriber


def _date(value):
    return value.isoformat() if value else None


def _subscribers_of(user):
    return Subscriber.objects.filter(
        Q(user=user) | Q(email__in=account_emails(user))
    ).distinct()


@hooks.register("member_data_export")
def export_subscriptions(user):
    subscribers = _subscribers_of(user).prefetch_related(
        "subscriptions__topic", "subscriptions__district"
    )
    return "subscriptions", [
        {
            "email": subscriber.email,
            "language": subscriber.language,
            "confirmed_at": _date(subscriber.confirmed_at),
            "consent_version": subscriber.consent_version,
            "consent_given_at": _date(subscriber.consent_given_at),
            "follows": [
                {
                    "target": str(subscription.target),
                    "frequency": subscription.frequency,
                    "since": _date(subscription.created_at),
                }
                for subscription in subscriber.subscriptions.all()
            ],
        }
        for subscriber in subscribers.order_by("created_at")
    ]


@hooks.register("member_data_erase")
def erase_subscriptions(user):
    """The address, its subscriptions and its delivery records go."""
    Subscriber.objects.filter(pk__in=_subscribers_of(user).values("pk")).delete()


@hooks.register("data_retention")
def subscription_retention(*, now):
    _total, by_model = Subscriber.objects.filter(
        confirmed_at__isnull=True,
        created_at__lt=now - retention_period("unconfirmed_subscriptions"),
    ).delete()
    return {"subscribers_unconfirmed_deleted": by_model.get(Subscriber._meta.label, 0)}
