"""Publishing a page mails its subscribers once, in the background."""

import datetime
import io
import threading

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django_tasks import default_task_backend

from dialog.factories import EventPageFactory
from home.factories import TopicFactory
from news.factories import (
    DecisionBriefingPageFactory,
    NewsArticlePageFactory,
    SubscriptionFactory,
)
from news.models import DecisionBriefingPage
from subscriptions.factories import SubscriberFactory
from subscriptions.models import (
    Delivery,
    Frequency,
    PageNotification,
    Subscription,
)
from subscriptions.services.notifications import (
    DELIVERIES,
    notification_send_batch,
)
from subscriptions.tasks import notification_fan_out, notifications_resume

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish like an editor; tasks enqueued on commit run (immediate backend)."""

    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return run


@pytest.fixture
def dummy_tasks(settings):
    """Tasks are only recorded, not run: shows what the request itself does."""
    settings.TASKS = DUMMY_TASKS
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


@pytest.fixture
def topic(home_page):
    return TopicFactory(name="Mieten & Wohnen", slug="mieten-wohnen")


def news_tasks(backend):
    """Our tasks among those enqueued (Wagtail enqueues index updates, too)."""
    return [
        result.task.name
        for result in backend.results
        if result.task.module_path.startswith("subscriptions.")
    ]


def draft_briefing(parent, **kwargs):
    return DecisionBriefingPageFactory(parent=parent, live=False, **kwargs)


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def run_batches(notification, *, batch_size=500):
    while notification_send_batch(
        notification_id=notification.pk, batch_size=batch_size
    ):
        pass


def test_publishing_mails_every_matching_subscriber(
    publish, news_index, topic, district
):
    SubscriptionFactory(subscriber__email="art@example.org", kind="briefing")
    SubscriptionFactory(subscriber__email="thema@example.org", topic=topic)
    SubscriptionFactory(subscriber__email="bezirk@example.org", district=district)
    page = draft_briefing(news_index, district=district)
    page.topics.add(topic)
    page.save_revision()

    publish(page)

    assert recipients() == [
        "art@example.org",
        "bezirk@example.org",
        "thema@example.org",
    ]


def test_subscriber_following_a_page_twice_gets_one_mail(publish, news_index, topic):
    subscriber = SubscriberFactory(email="doppelt@example.org")
    SubscriptionFactory(subscriber=subscriber, kind="briefing")
    SubscriptionFactory(subscriber=subscriber, topic=topic)
    page = draft_briefing(news_index)
    page.topics.add(topic)

    publish(page)

    assert recipients() == ["doppelt@example.org"]


def test_subscribers_of_other_kinds_topics_and_districts_get_nothing(
    publish, news_index, topic, other_district, district
):
    SubscriptionFactory(kind="event")
    SubscriptionFactory(topic=topic)
    SubscriptionFactory(district=other_district)

    publish(draft_briefing(news_index, district=district))

    assert mail.outbox == []


def test_unconfirmed_addresses_get_nothing(publish, news_index):
    SubscriptionFactory(subscriber__confirmed_at=None, kind="briefing")

    publish(draft_briefing(news_index))

    assert mail.outbox == []


def test_page_created_below_a_district_reaches_its_subscribers(publish, district):
    SubscriptionFactory(subscriber__email="bezirk@example.org", district=district)

    publish(NewsArticlePageFactory(parent=district, live=False))

    assert recipients() == ["bezirk@example.org"]


def test_events_reach_event_subscribers(publish, event_index):
    SubscriptionFactory(subscriber__email="termine@example.org", kind="event")
    SubscriptionFactory(kind="news")

    publish(EventPageFactory(parent=event_index, live=False))

    assert recipients() == ["termine@example.org"]


def test_republishing_sends_nothing(publish, news_index):
    SubscriptionFactory(kind="briefing")
    page = publish(draft_briefing(news_index))
    mail.outbox.clear()

    publish(page)

    assert mail.outbox == []
    assert PageNotification.objects.count() == 1


def test_republishing_a_page_published_before_subscriptions_existed_sends_nothing(
    publish, news_index
):
    page = publish(draft_briefing(news_index))
    PageNotification.objects.all().delete()
    SubscriptionFactory(kind="briefing")

    publish(page)

    assert mail.outbox == []


def test_publish_request_sends_no_mail_itself(
    client, superuser, news_index, dummy_tasks, django_capture_on_commit_callbacks
):
    SubscriptionFactory(kind="briefing")
    page = draft_briefing(news_index)
    page.save_revision()
    client.force_login(superuser)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}")

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert mail.outbox == []
    assert news_tasks(dummy_tasks) == ["fan_out_notification"]


def test_publish_request_only_records_the_send(
    client, superuser, news_index, dummy_tasks, django_capture_on_commit_callbacks
):
    SubscriptionFactory.create_batch(3, kind="briefing")
    page = draft_briefing(news_index)
    page.save_revision()
    client.force_login(superuser)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}")

    notification = PageNotification.objects.get(page=page)
    assert notification.status == PageNotification.Status.PENDING
    assert not Delivery.objects.exists()


def test_the_task_is_enqueued_only_after_the_commit(
    news_index, dummy_tasks, django_capture_on_commit_callbacks
):
    page = draft_briefing(news_index)

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        assert news_tasks(dummy_tasks) == []

    assert news_tasks(dummy_tasks) == ["fan_out_notification"]


def test_running_the_fan_out_again_sends_no_duplicates(publish, news_index):
    SubscriptionFactory.create_batch(3, kind="briefing")
    page = publish(draft_briefing(news_index))
    notification = PageNotification.objects.get(page=page)

    notification_fan_out(notification_id=notification.pk)
    run_batches(notification)

    assert len(mail.outbox) == 3


def test_a_retried_batch_task_sends_no_duplicates(news_index, dummy_tasks, publish):
    SubscriptionFactory.create_batch(4, kind="briefing")
    page = publish(draft_briefing(news_index))
    notification = PageNotification.objects.get(page=page)
    notification_fan_out(notification_id=notification.pk)

    notification_send_batch(notification_id=notification.pk)
    notification_send_batch(notification_id=notification.pk)

    assert len(mail.outbox) == 4
    assert len(set(recipients())) == 4


def test_a_send_whose_worker_died_is_resumed_without_duplicates(
    news_index, dummy_tasks, publish
):
    SubscriptionFactory.create_batch(4, kind="briefing")
    page = publish(draft_briefing(news_index))
    notification = PageNotification.objects.get(page=page)
    notification_fan_out(notification_id=notification.pk)
    notification_send_batch(notification_id=notification.pk, batch_size=2)
    # A worker claims the other two and dies before sending them.
    DELIVERIES.claim(notification.deliveries.all(), 2)
    assert len(mail.outbox) == 2

    resumed = notifications_resume(stale_after=-datetime.timedelta(days=1))
    run_batches(notification)

    assert resumed == 1
    assert len(mail.outbox) == 4
    assert len(set(recipients())) == 4


def test_resuming_leaves_running_sends_alone(news_index, dummy_tasks, publish):
    SubscriptionFactory.create_batch(2, kind="briefing")
    page = publish(draft_briefing(news_index))
    notification = PageNotification.objects.get(page=page)
    notification_fan_out(notification_id=notification.pk)
    DELIVERIES.claim(notification.deliveries.all(), 2)

    assert notifications_resume() == 0
    assert notification.deliveries.filter(status="sending").count() == 2


def test_send_records_progress(publish, news_index):
    SubscriptionFactory.create_batch(3, kind="briefing")
    SubscriptionFactory(kind="briefing", frequency=Frequency.WEEKLY)

    page = publish(draft_briefing(news_index))

    notification = PageNotification.objects.get(page=page)
    assert (notification.total, notification.sent, notification.failed) == (4, 3, 0)
    assert notification.in_digest == 1
    assert notification.status == PageNotification.Status.DONE


def test_a_failing_address_is_marked_failed_and_the_others_are_sent(
    publish, news_index, monkeypatch
):
    SubscriptionFactory(subscriber__email="kaputt@example.org", kind="briefing")
    SubscriptionFactory(subscriber__email="heil@example.org", kind="briefing")
    from django.core.mail.backends.locmem import EmailBackend

    original = EmailBackend.send_messages

    def refuse_one(self, messages):
        if messages[0].to == ["kaputt@example.org"]:
            raise OSError("Mailbox unavailable")
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refuse_one)

    page = publish(draft_briefing(news_index))

    assert recipients() == ["heil@example.org"]
    notification = PageNotification.objects.get(page=page)
    assert (notification.sent, notification.failed) == (1, 1)


def test_a_refused_address_is_not_kept_in_the_delivery_error(
    publish, news_index, monkeypatch
):
    """The server's answer names the address; the delivery keeps class and code."""
    import smtplib

    from django.core.mail.backends.locmem import EmailBackend

    SubscriptionFactory(subscriber__email="kaputt@example.org", kind="briefing")

    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused(
            {"kaputt@example.org": (550, b"5.1.1 <kaputt@example.org> unknown")}
        )

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)

    publish(draft_briefing(news_index))

    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED
    assert delivery.error == "SMTPRecipientsRefused 550"


def test_members_only_page_reaches_only_verified_members(
    publish, news_index, member_user, non_member_user
):
    SubscriptionFactory(
        subscriber__email=member_user.email, subscriber__user=member_user
    )
    SubscriptionFactory(
        subscriber__email=non_member_user.email, subscriber__user=non_member_user
    )
    SubscriptionFactory(subscriber__email="gast@example.net")

    publish(draft_briefing(news_index, audience=DecisionBriefingPage.Audience.MEMBERS))

    assert recipients() == [member_user.email]


def test_members_only_page_skips_a_member_revoked_before_sending(
    news_index, member_user, members_group, dummy_tasks, publish
):
    SubscriptionFactory(
        subscriber__email=member_user.email, subscriber__user=member_user
    )
    page = publish(
        draft_briefing(news_index, audience=DecisionBriefingPage.Audience.MEMBERS)
    )
    notification = PageNotification.objects.get(page=page)
    notification_fan_out(notification_id=notification.pk)
    member_user.groups.remove(members_group)

    run_batches(notification)

    assert mail.outbox == []
    assert notification.deliveries.get().status == Delivery.Status.SKIPPED


def test_inactive_member_accounts_get_no_members_only_page(
    publish, news_index, make_user, members_group
):
    former = make_user("ehemalig", groups=[members_group], is_active=False)
    SubscriptionFactory(subscriber__email=former.email, subscriber__user=former)

    publish(draft_briefing(news_index, audience=DecisionBriefingPage.Audience.MEMBERS))

    assert mail.outbox == []


def test_notification_mail_is_german_with_title_summary_and_link(publish, news_index):
    SubscriptionFactory(kind="briefing")

    page = publish(
        draft_briefing(
            news_index,
            title="Mietendeckel 2.0",
            summary="Der Senat legt einen neuen Entwurf vor.",
        )
    )

    message = mail.outbox[0]
    assert message.subject == "Entscheidungsbriefings: Mietendeckel 2.0"
    assert "Der Senat legt einen neuen Entwurf vor." in message.body
    assert page.get_full_url() in message.body
    assert "Abonnements ändern:" in message.body


def test_notification_mail_offers_one_click_unsubscribe(publish, news_index, client):
    SubscriptionFactory(kind="briefing")
    publish(draft_briefing(news_index))

    headers = mail.outbox[0].extra_headers
    unsubscribe_url = headers["List-Unsubscribe"].strip("<>")
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url.startswith("http://testserver/abonnieren/abmelden/")

    response = client.post(
        unsubscribe_url.removeprefix("http://testserver"),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_settings_link_in_the_mail_opens_the_settings_page(publish, news_index, client):
    SubscriptionFactory(kind="briefing")
    publish(draft_briefing(news_index))

    body = mail.outbox[0].body
    settings_url = next(
        word for word in body.split() if "/abonnieren/einstellungen/" in word
    )
    response = client.get(settings_url.removeprefix("http://testserver"))

    assert response.status_code == 200


def test_digest_subscribers_get_no_immediate_mail(publish, news_index):
    SubscriptionFactory(kind="briefing", frequency=Frequency.DAILY)

    publish(draft_briefing(news_index))

    assert mail.outbox == []
    assert Delivery.objects.get().status == Delivery.Status.QUEUED


def test_daily_digest_lists_every_pending_page_in_one_mail(publish, news_index):
    SubscriptionFactory(
        subscriber__email="taeglich@example.org",
        kind="briefing",
        frequency=Frequency.DAILY,
    )
    publish(draft_briefing(news_index, title="Haushalt 2027"))
    publish(draft_briefing(news_index, title="Schulbau im Bezirk"))

    call_command("send_digests", frequency="daily", stdout=io.StringIO())

    assert recipients() == ["taeglich@example.org"]
    message = mail.outbox[0]
    assert message.subject == "Deine tägliche Zusammenfassung"
    assert "Haushalt 2027" in message.body
    assert "Schulbau im Bezirk" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )


def test_a_page_goes_into_one_digest_only(publish, news_index):
    SubscriptionFactory(kind="briefing", frequency=Frequency.DAILY)
    publish(draft_briefing(news_index))
    call_command("send_digests", frequency="daily", stdout=io.StringIO())

    call_command("send_digests", frequency="daily", stdout=io.StringIO())

    assert len(mail.outbox) == 1


def test_weekly_subscribers_are_not_in_the_daily_digest(publish, news_index):
    SubscriptionFactory(kind="briefing", frequency=Frequency.WEEKLY)
    publish(draft_briefing(news_index))

    call_command("send_digests", frequency="daily", stdout=io.StringIO())

    assert mail.outbox == []


def test_digest_counts_as_sent_in_the_progress(publish, news_index):
    SubscriptionFactory(kind="briefing", frequency=Frequency.WEEKLY)
    page = publish(draft_briefing(news_index))

    call_command("send_digests", frequency="weekly", stdout=io.StringIO())

    notification = PageNotification.objects.get(page=page)
    assert (notification.sent, notification.in_digest) == (1, 0)


def test_digest_leaves_out_pages_unpublished_meanwhile(publish, news_index):
    SubscriptionFactory(kind="briefing", frequency=Frequency.DAILY)
    page = publish(draft_briefing(news_index))
    page.unpublish()

    call_command("send_digests", frequency="daily", stdout=io.StringIO())

    assert mail.outbox == []
    assert Delivery.objects.get().status == Delivery.Status.SKIPPED


def test_fan_out_queries_do_not_grow_with_subscribers(
    news_index, dummy_tasks, publish, django_assert_max_num_queries
):
    SubscriptionFactory.create_batch(40, kind="briefing")
    page = publish(draft_briefing(news_index))
    notification = PageNotification.objects.get(page=page)

    with django_assert_max_num_queries(15):
        notification_fan_out(notification_id=notification.pk)

    assert Delivery.objects.count() == 40


def test_resume_command_reports_what_it_resumed(db):
    out = io.StringIO()

    call_command("resume_notifications", minutes=5, stdout=out)

    assert "0" in out.getvalue()


def _press_staff(make_user):
    group = Group.objects.create(name="Pressestelle")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_pagenotification"),
    )
    return make_user("presse", groups=[group])


def test_press_staff_see_the_progress_of_each_send(
    client, make_user, publish, news_index
):
    SubscriptionFactory.create_batch(2, kind="briefing")
    publish(draft_briefing(news_index, title="Haushalt 2027"))
    client.force_login(_press_staff(make_user))

    response = client.get("/admin/versand/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Haushalt 2027" in html
    assert "2 / 2" in html


def test_press_staff_cannot_edit_a_send(client, make_user, publish, news_index):
    page = publish(draft_briefing(news_index))
    notification = PageNotification.objects.get(page=page)
    client.force_login(_press_staff(make_user))

    response = client.get(f"/admin/versand/edit/{notification.pk}/")

    assert response.status_code in (302, 403)
    assert response.status_code != 200


def test_editors_without_the_permission_do_not_see_sends(client, district_editor):
    client.force_login(district_editor)

    response = client.get("/admin/versand/")

    assert response.status_code in (302, 403)


def test_subscriber_list_masks_addresses(client, superuser):
    SubscriberFactory(email="rosa.luxemburg@example.org")
    client.force_login(superuser)

    html = client.get("/admin/abonnierende/").content.decode()

    assert "r***@example.org" in html
    assert "rosa.luxemburg" not in html


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_workers_send_each_mail_once(news_index, dummy_tasks):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    SubscriptionFactory.create_batch(60, kind="briefing")
    page = draft_briefing(news_index)
    page.save_revision().publish()
    notification = PageNotification.objects.get(page=page)
    notification_fan_out(notification_id=notification.pk)

    def worker():
        try:
            while notification_send_batch(
                notification_id=notification.pk, batch_size=7
            ):
                pass
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(mail.outbox) == 60
    assert len(set(recipients())) == 60
