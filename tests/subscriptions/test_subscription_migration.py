"""Moving subscriptions out of news keeps rows, content types and permissions."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from subscriptions.models import Delivery, PageNotification, Subscriber, Subscription
from tests.migration_helpers import migrate_to, migrate_to_latest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [
    ("news", "0007_delivery_retries"),
    ("tracker", "0003_status_mail_retries"),
    ("subscriptions", None),
]
AFTER = [("news", "0008_subscriptions_move_out")]
MODELS = ["subscriber", "subscription", "pagenotification", "delivery"]


@pytest.fixture
def moved_back(home_page, make_user):
    user = make_user("pressestelle")
    apps = migrate_to(BEFORE)
    yield apps, home_page, user
    migrate_to_latest()


def test_the_rows_the_content_types_and_a_groups_permission_survive(moved_back):
    apps, page, user = moved_back
    model = {name: apps.get_model("news", name) for name in MODELS}
    OldContentType = apps.get_model("contenttypes", "ContentType")
    OldPermission = apps.get_model("auth", "Permission")
    old_types = {
        name: OldContentType.objects.get(app_label="news", model=name).pk
        for name in MODELS
    }
    subscriber = model["subscriber"].objects.create(
        email="leserin@example.org",
        consent_version="2026-11",
        consent_given_at=timezone.now(),
        confirmed_at=timezone.now(),
    )
    model["subscription"].objects.create(subscriber=subscriber, kind="agreement")
    notification = model["pagenotification"].objects.create(page_id=page.pk)
    model["delivery"].objects.create(
        notification=notification,
        subscriber=subscriber,
        page_id=page.pk,
        frequency="immediate",
    )
    group = apps.get_model("auth", "Group").objects.create(name="Versand")
    group.permissions.add(
        OldPermission.objects.get(
            content_type_id=old_types["pagenotification"],
            codename="view_pagenotification",
        )
    )
    group.user_set.add(user.pk)
    queued = apps.get_model("django_tasks_database", "DBTaskResult").objects.create(
        task_path="news.tasks.fan_out_notification",
        args_kwargs={"args": [notification.pk], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        priority=0,
        run_after=timezone.now(),
    )

    migrate_to(AFTER)

    assert Subscriber.objects.get().email == "leserin@example.org"
    assert Subscription.objects.get().kind == "agreement"
    assert PageNotification.objects.get().page_id == page.pk
    assert Delivery.objects.get().subscriber_id == subscriber.pk
    for name, pk in old_types.items():
        content_type = ContentType.objects.get(pk=pk)
        assert (content_type.app_label, content_type.model) == ("subscriptions", name)
    assert not ContentType.objects.filter(app_label="news", model__in=MODELS).exists()
    permission = Group.objects.get(name="Versand").permissions.get()
    assert permission.content_type_id == old_types["pagenotification"]
    assert user.has_perm("subscriptions.view_pagenotification")
    assert (
        DBTaskResult.objects.get(pk=queued.pk).task_path
        == "subscriptions.tasks.fan_out_notification"
    )


def test_migrating_back_restores_the_news_names(home_page):
    migrate_to(BEFORE)
    try:
        assert (
            ContentType.objects.filter(app_label="news", model__in=MODELS).count() == 4
        )
        assert not ContentType.objects.filter(app_label="subscriptions").exists()
        assert Permission.objects.filter(
            content_type__app_label="news", codename="view_subscriber"
        ).exists()
    finally:
        migrate_to_latest()
