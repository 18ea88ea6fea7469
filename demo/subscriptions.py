"""Demo subscriptions: a few subscribers, and press staff who follow the sends."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale

from core.roles import PRESS_GROUP_NAME
from dialog.models import EVENT_KIND
from home.models import DistrictPage, Topic
from news.models import BRIEFING_KIND
from subscriptions.models import (
    CONSENT_VERSION,
    Frequency,
    Subscriber,
    Subscription,
)

PRESS_GROUP = PRESS_GROUP_NAME

# email, linked username, [(target, frequency)]
SUBSCRIBERS = [
    (
        "mitglied@example.org",
        "mitglied",
        [
            ({"kind": BRIEFING_KIND}, Frequency.IMMEDIATE),
            ({"district": "friedrichshain-kreuzberg"}, Frequency.WEEKLY),
        ],
    ),
    (
        "leserin@example.org",
        None,
        [({"topic": "mieten-wohnen"}, Frequency.DAILY)],
    ),
    (
        "termine@example.org",
        None,
        [({"kind": EVENT_KIND}, Frequency.WEEKLY)],
    ),
]


def load_subscriptions():
    """Create the demo subscribers and let the press office see sends. Repeatable."""
    press = Group.objects.filter(name=PRESS_GROUP).first()
    if press is not None:
        press.permissions.add(Permission.objects.get(codename="view_pagenotification"))
    users = get_user_model().objects
    now = timezone.now()
    for email, username, targets in SUBSCRIBERS:
        subscriber, _created = Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "confirmed_at": now,
                "consent_version": CONSENT_VERSION,
                "consent_given_at": now,
                "user": users.filter(username=username).first() if username else None,
            },
        )
        for target, frequency in targets:
            if "topic" in target:
                target = {
                    "topic": Topic.objects.filter(
                        slug=target["topic"], locale=Locale.get_default()
                    ).first()
                }
            elif "district" in target:
                target = {
                    "district": DistrictPage.objects.filter(
                        slug=target["district"]
                    ).first()
                }
            if None in target.values():
                continue
            Subscription.objects.update_or_create(
                subscriber=subscriber, **target, defaults={"frequency": frequency}
            )
