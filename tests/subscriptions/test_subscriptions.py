"""Subscribing by email with double opt-in, managing and unsubscribing."""

import re

import pytest
from django.core import mail, signing
from django.urls import reverse

from home.factories import TopicFactory
from news.factories import SubscriptionFactory
from subscriptions.factories import SubscriberFactory
from subscriptions.models import Frequency, Subscriber, Subscription
from subscriptions.services.subscriptions import subscriber_token
from tests.utils import human_form_fields

SUBSCRIBE_URL = "/abonnieren/"


@pytest.fixture
def topic(home_page):
    return TopicFactory(name="Mieten & Wohnen", slug="mieten-wohnen")


def subscribe_data(**overrides):
    data = {
        "email": "Leserin@Example.org",
        "kinds": ["briefing"],
        "frequency": "immediate",
        "consent": "on",
        **human_form_fields("subscribe"),
    }
    data.update(overrides)
    return data


def link_from(message, path_prefix):
    match = re.search(rf"http://testserver({path_prefix}[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def manage_url(name, subscriber):
    return reverse(name, args=[subscriber_token(subscriber=subscriber)])


def test_subscribe_form_shows_the_consent_checkbox_unticked(client, home_page):
    response = client.get(SUBSCRIBE_URL)

    html = response.content.decode()
    assert response.status_code == 200
    consent = re.search(r'<input[^>]*name="consent"[^>]*>', html).group(0)
    assert "checked" not in consent


def test_subscribing_sends_a_confirmation_mail_and_stores_nothing(client, home_page):
    response = client.post(SUBSCRIBE_URL, subscribe_data())

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["leserin@example.org"]
    assert "/abonnieren/bestaetigen/" in mail.outbox[0].body
    assert Subscriber.objects.count() == 0


def test_confirmation_mail_is_german(client, home_page):
    client.post(SUBSCRIBE_URL, subscribe_data())

    assert mail.outbox[0].subject == "Bitte bestätige dein Abonnement"


def test_confirming_creates_a_confirmed_subscriber_with_the_choice(
    client, home_page, topic
):
    client.post(
        SUBSCRIBE_URL,
        subscribe_data(topics=[topic.pk], frequency="weekly"),
    )
    confirm_path = link_from(mail.outbox[0], "/abonnieren/bestaetigen/")

    response = client.post(confirm_path)

    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "leserin@example.org"
    assert subscriber.confirmed_at is not None
    assert subscriber.consent_given_at is not None
    assert sorted(
        (s.kind, s.topic_id, s.frequency) for s in subscriber.subscriptions.all()
    ) == [("", topic.pk, "weekly"), ("briefing", None, "weekly")]


def test_opening_the_confirmation_link_does_not_confirm_yet(client, home_page):
    client.post(SUBSCRIBE_URL, subscribe_data())
    confirm_path = link_from(mail.outbox[0], "/abonnieren/bestaetigen/")

    response = client.get(confirm_path)

    assert response.status_code == 200
    assert "Abonnement bestätigen" in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_a_forged_confirmation_link_is_refused(client, home_page):
    response = client.post("/abonnieren/bestaetigen/gefaelscht:abc/")

    assert response.status_code == 400
    assert "Dieser Link funktioniert nicht" in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_an_expired_confirmation_link_says_so(client, home_page, monkeypatch):
    client.post(SUBSCRIBE_URL, subscribe_data())
    confirm_path = link_from(mail.outbox[0], "/abonnieren/bestaetigen/")
    monkeypatch.setattr("subscriptions.services.subscriptions.CONFIRM_MAX_AGE", -1)

    response = client.post(confirm_path)

    assert response.status_code == 400
    assert "abgelaufen" in response.content.decode()


def test_subscribing_without_consent_shows_a_german_error(client, home_page):
    response = client.post(SUBSCRIBE_URL, subscribe_data(consent=""))

    assert response.status_code == 400
    assert "Bitte stimme der Speicherung" in response.content.decode()
    assert mail.outbox == []


def test_subscribing_to_nothing_is_refused(client, home_page):
    response = client.post(SUBSCRIBE_URL, subscribe_data(kinds=[]))

    assert response.status_code == 400
    assert "mindestens" in response.content.decode()


@pytest.mark.parametrize("field", ["topics", "districts"])
def test_an_id_beyond_the_database_integers_is_refused(client, home_page, field):
    response = client.post(SUBSCRIBE_URL, subscribe_data(**{field: [str(2**63)]}))

    assert response.status_code == 400
    assert "ist kein gültiger Wert" in response.content.decode()


def test_a_bad_email_address_is_refused_in_german(client, home_page):
    response = client.post(SUBSCRIBE_URL, subscribe_data(email="kein-at-zeichen"))

    assert response.status_code == 400
    assert "gültige E-Mail" in response.content.decode()


def test_the_honeypot_answers_like_success_but_sends_nothing(client, home_page):
    response = client.post(SUBSCRIBE_URL, subscribe_data(website="http://spam"))

    assert response.status_code == 302
    assert mail.outbox == []


def test_a_known_address_gets_the_same_answer_as_a_new_one(client, home_page):
    SubscriberFactory(email="leserin@example.org")

    response = client.post(SUBSCRIBE_URL, subscribe_data())

    assert response.status_code == 302
    assert response.url == reverse("subscriptions:subscription_requested")


def test_subscribing_again_changes_nothing_before_confirmation(client, home_page):
    subscription = SubscriptionFactory(subscriber__email="leserin@example.org")

    client.post(SUBSCRIBE_URL, subscribe_data(kinds=["event"], frequency="daily"))

    assert list(Subscription.objects.values_list("pk", flat=True)) == [subscription.pk]


def test_repeated_requests_for_one_address_send_one_mail(client, home_page):
    client.post(SUBSCRIBE_URL, subscribe_data())
    client.post(SUBSCRIBE_URL, subscribe_data())

    assert len(mail.outbox) == 1


def test_subscriber_changes_the_frequency_on_the_settings_page(client, home_page):
    subscription = SubscriptionFactory(kind="briefing")
    url = manage_url("subscriptions:subscription_settings", subscription.subscriber)

    response = client.post(url, {"kind-briefing": "daily", "language": "de"})

    assert response.status_code == 302
    subscription.refresh_from_db()
    assert subscription.frequency == Frequency.DAILY


def test_settings_page_adds_and_removes_targets(client, home_page, topic):
    subscription = SubscriptionFactory(kind="briefing")
    url = manage_url("subscriptions:subscription_settings", subscription.subscriber)

    client.post(
        url, {"kind-briefing": "", f"topic-{topic.pk}": "weekly", "language": "de"}
    )

    assert list(
        subscription.subscriber.subscriptions.values_list("topic", "frequency")
    ) == [(topic.pk, "weekly")]


def test_settings_page_shows_the_current_frequency(client, home_page):
    subscription = SubscriptionFactory(kind="event", frequency=Frequency.WEEKLY)
    url = manage_url("subscriptions:subscription_settings", subscription.subscriber)

    html = client.get(url).content.decode()

    select = re.search(r'<select name="kind-event".*?</select>', html, re.S).group(0)
    assert re.search(r'<option value="weekly" selected>', select)


def test_settings_page_rejects_an_unknown_frequency_in_german(client, home_page):
    subscription = SubscriptionFactory(kind="briefing")
    url = manage_url("subscriptions:subscription_settings", subscription.subscriber)

    response = client.post(url, {"kind-briefing": "hourly", "language": "de"})

    assert response.status_code == 400
    assert "gültige Auswahl" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.frequency == Frequency.IMMEDIATE


def test_settings_link_with_a_forged_token_is_refused(client, home_page):
    response = client.get("/abonnieren/einstellungen/1:gefaelscht/")

    assert response.status_code == 400


def test_settings_link_of_an_unsubscribed_address_is_not_found(client, home_page):
    subscriber = SubscriberFactory()
    url = manage_url("subscriptions:subscription_settings", subscriber)
    subscriber.delete()

    response = client.get(url)

    assert response.status_code == 404


def test_one_click_unsubscribe_by_the_mail_header_deletes_the_address(
    client, home_page
):
    subscription = SubscriptionFactory()
    url = manage_url("subscriptions:subscription_unsubscribe", subscription.subscriber)

    response = client.post(
        url,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert not Subscription.objects.exists()


def test_one_click_unsubscribe_needs_no_csrf_token(home_page):
    from django.test import Client

    subscriber = SubscriberFactory()
    url = manage_url("subscriptions:subscription_unsubscribe", subscriber)

    response = Client(enforce_csrf_checks=True).post(
        url, {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_unsubscribe_page_asks_before_unsubscribing(client, home_page):
    subscriber = SubscriberFactory()
    url = manage_url("subscriptions:subscription_unsubscribe", subscriber)

    response = client.get(url)

    assert response.status_code == 200
    assert "Von allem abmelden" in response.content.decode()
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_unsubscribing_twice_is_harmless(client, home_page):
    subscriber = SubscriberFactory()
    url = manage_url("subscriptions:subscription_unsubscribe", subscriber)
    client.post(url)

    response = client.post(url)

    assert response.status_code == 200


def test_unsubscribe_with_a_forged_token_is_refused(client, home_page):
    token = signing.dumps(1, salt="etwas-anderes")

    response = client.post(f"/abonnieren/abmelden/{token}/")

    assert response.status_code == 400


def test_visitors_are_sent_to_login_for_member_subscriptions(client, home_page):
    response = client.get("/abonnieren/meine/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("members:login"))


def test_non_members_cannot_manage_member_subscriptions(
    client, home_page, non_member_user
):
    client.force_login(non_member_user)

    response = client.get("/abonnieren/meine/")

    assert response.status_code == 403


def test_member_without_a_verified_address_confirms_by_mail(
    client, home_page, member_user
):
    client.force_login(member_user)

    response = client.post(
        "/abonnieren/meine/",
        {"kind-briefing": "immediate", "language": "de", "consent": "on"},
    )

    assert response.status_code == 200
    assert mail.outbox[0].to == [member_user.email]
    assert not Subscriber.objects.exists()


def test_member_confirmation_links_the_subscriber_to_the_account(
    client, home_page, member_user
):
    client.force_login(member_user)
    client.post(
        "/abonnieren/meine/",
        {"kind-event": "daily", "language": "de", "consent": "on"},
    )

    client.post(link_from(mail.outbox[0], "/abonnieren/bestaetigen/"))

    subscriber = Subscriber.objects.get()
    assert subscriber.user == member_user
    assert list(subscriber.subscriptions.values_list("kind", "frequency")) == [
        ("event", "daily")
    ]


def test_member_with_a_verified_address_subscribes_at_once(
    client, home_page, member_user, monkeypatch
):
    monkeypatch.setattr(
        "subscriptions.services.subscriptions.account_email_verified", lambda user: True
    )
    client.force_login(member_user)

    response = client.post(
        "/abonnieren/meine/",
        {"kind-briefing": "weekly", "language": "de", "consent": "on"},
    )

    assert response.status_code == 302
    assert mail.outbox == []
    assert Subscriber.objects.get().user == member_user


def test_member_start_needs_consent(client, home_page, member_user):
    client.force_login(member_user)

    response = client.post(
        "/abonnieren/meine/", {"kind-briefing": "weekly", "language": "de"}
    )

    assert response.status_code == 400
    assert mail.outbox == []


def test_member_changes_their_subscriptions_on_their_page(
    client, home_page, member_user
):
    subscription = SubscriptionFactory(
        subscriber__user=member_user, subscriber__email=member_user.email
    )
    client.force_login(member_user)

    client.post("/abonnieren/meine/", {"kind-briefing": "weekly", "language": "de"})

    subscription.refresh_from_db()
    assert subscription.frequency == Frequency.WEEKLY


def test_district_page_links_to_a_prefilled_subscription(client, district):
    html = client.get(district.url).content.decode()

    assert f"/abonnieren/?district={district.pk}" in html


def test_prefilled_district_is_ticked_on_the_form(client, district):
    html = client.get(f"/abonnieren/?district={district.pk}").content.decode()

    checkbox = re.search(
        rf'<input[^>]*name="districts" value="{district.pk}"[^>]*>', html
    ).group(0)
    assert "checked" in checkbox


def test_member_profile_links_to_their_subscriptions(client, member_user):
    client.force_login(member_user)

    response = client.get(reverse("members:profile"))

    assert reverse("subscriptions:subscription_mine") in response.text
