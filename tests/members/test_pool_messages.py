import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from core.outbox import outgoing_mails_sweep
from members.factories import PoolEntryFactory, PoolMessageFactory
from members.models import PoolMessage
from members.services import pool_message_send

from .pool_helpers import grant, member

ADMIN = "/admin/mitmachen-pool/"


@pytest.fixture
def coordinator(district_editor):
    return grant(district_editor, "search_volunteer_pool")


@pytest.fixture
def volunteer(make_user, members_group):
    user = member(make_user, members_group, "aylin", display_name="Aylin")
    user.email = "aylin.geheim@example.net"
    user.save()
    return user


@pytest.fixture
def entry(volunteer, district):
    return PoolEntryFactory(user=volunteer, districts=[district], skills=["Layout"])


def send(client, entry, subject="Flyer gestalten", body="Hast du Zeit?"):
    return client.post(
        f"{ADMIN}{entry.pk}/schreiben/", {"subject": subject, "body": body}
    )


def links(body):
    return re.findall(r"http://testserver(/\S+)", body)


def test_message_is_relayed_to_the_member_with_answer_and_decline_links(
    client, coordinator, entry, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, entry)

    assert response.status_code == 302
    message = PoolMessage.objects.get()
    assert message.recipient == entry.user and message.sender == coordinator
    assert message.relayed_at is not None
    (relayed,) = mail.outbox
    assert relayed.to == ["aylin.geheim@example.net"]
    assert relayed.from_email == "Mitmachportal <portal@example.org>"
    assert relayed.reply_to == []
    assert "Hast du Zeit?" in relayed.body
    assert len(message.token) >= 40
    assert f"/nachricht/{message.token}/antworten/" in relayed.body
    assert f"/nachricht/{message.token}/ablehnen/" in relayed.body


def test_member_address_never_reaches_the_coordinator(
    client, coordinator, entry, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        send(client, entry)
    message = PoolMessage.objects.get()
    answer_url = next(url for url in links(mail.outbox[0].body) if "antworten" in url)
    mail.outbox.clear()

    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(answer_url, {"text": "Ja, gern am Samstag."})
    assert response.status_code == 200

    (to_coordinator,) = mail.outbox
    assert to_coordinator.to == [coordinator.email]
    assert "Ja, gern am Samstag." in to_coordinator.body
    assert "Aylin" in to_coordinator.subject
    for mail_part in (
        to_coordinator.body,
        to_coordinator.subject,
        to_coordinator.from_email,
        " ".join(to_coordinator.reply_to),
        str(to_coordinator.extra_headers),
        to_coordinator.message().as_string(),
    ):
        assert "aylin.geheim" not in mail_part
    client.force_login(coordinator)
    for url in (
        ADMIN,
        f"{ADMIN}nachrichten/",
        f"{ADMIN}nachrichten/{message.pk}/",
        f"{ADMIN}{entry.pk}/schreiben/",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert "aylin.geheim" not in response.content.decode()
    detail = client.get(f"{ADMIN}nachrichten/{message.pk}/").content.decode()
    assert "Ja, gern am Samstag." in detail


def test_decline_is_one_click_recorded_and_the_coordinator_told(
    client, coordinator, entry, django_capture_on_commit_callbacks
):
    message = PoolMessageFactory(sender=coordinator, recipient=entry.user)
    url = f"/konto/mitmachen-pool/nachricht/{message.token}/ablehnen/"

    assert client.get(url).status_code == 200  # a mail scanner changes nothing
    assert PoolMessage.objects.get().status == PoolMessage.Status.SENT
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert response.status_code == 200
    message.refresh_from_db()
    assert message.status == PoolMessage.Status.DECLINED
    assert message.answered_at is not None
    (notice,) = mail.outbox
    assert notice.to == [coordinator.email]
    assert "aylin.geheim" not in notice.message().as_string()


def test_links_work_only_once(client, coordinator, entry):
    message = PoolMessageFactory(sender=coordinator, recipient=entry.user)
    answer = f"/konto/mitmachen-pool/nachricht/{message.token}/antworten/"
    decline = f"/konto/mitmachen-pool/nachricht/{message.token}/ablehnen/"

    client.post(answer, {"text": "Gern."})

    assert client.post(answer, {"text": "Doch nicht."}).status_code == 410
    assert client.post(decline).status_code == 410
    assert client.get(answer).status_code == 410
    message.refresh_from_db()
    assert message.answer == "Gern."
    assert message.status == PoolMessage.Status.ANSWERED


def test_guessed_token_is_not_found(client, coordinator, entry):
    message = PoolMessageFactory(sender=coordinator, recipient=entry.user)
    guess = message.token[:-1] + ("A" if message.token[-1] != "A" else "B")

    base = f"/konto/mitmachen-pool/nachricht/{guess}"
    assert client.get(f"{base}/antworten/").status_code == 404
    assert client.post(f"{base}/ablehnen/").status_code == 404
    assert PoolMessageFactory(sender=coordinator, recipient=entry.user).token != (
        message.token
    )


def test_empty_answer_is_refused_and_the_link_stays_usable(client, coordinator, entry):
    message = PoolMessageFactory(sender=coordinator, recipient=entry.user)
    url = f"/konto/mitmachen-pool/nachricht/{message.token}/antworten/"

    response = client.post(url, {"text": "  "})

    assert response.status_code == 400
    assert client.get(url).status_code == 200


def test_an_empty_answer_post_shows_a_message_and_stores_nothing(
    client, coordinator, entry
):
    message = PoolMessageFactory(sender=coordinator, recipient=entry.user)
    url = f"/konto/mitmachen-pool/nachricht/{message.token}/antworten/"

    response = client.post(url, {})

    message.refresh_from_db()
    assert response.status_code == 400
    assert "Bitte schreibe deine Antwort." in response.content.decode()
    assert message.status == PoolMessage.Status.SENT
    assert message.answer == "" and message.answered_at is None


def test_message_to_a_paused_member_is_refused_with_a_message(
    client, coordinator, entry
):
    entry.paused = True
    entry.paused_until = timezone.localdate() + datetime.timedelta(days=5)
    entry.save()
    client.force_login(coordinator)

    page = client.get(f"{ADMIN}{entry.pk}/schreiben/")
    response = client.post(
        f"{ADMIN}{entry.pk}/schreiben/", {"subject": "Hallo", "body": "Zeit?"}
    )

    assert page.status_code == 409
    assert "pausiert" in page.content.decode()
    assert response.status_code == 400
    assert "pausiert" in response.content.decode()
    assert not PoolMessage.objects.exists()
    assert mail.outbox == []


def test_message_to_a_member_who_withdrew_consent_is_refused(coordinator, entry):
    entry.contact_consented_at = None
    entry.save()

    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        pool_message_send(sender=coordinator, entry=entry, subject="a", body="b")
    assert not PoolMessage.objects.exists()


def test_a_coordinator_is_stopped_at_the_daily_message_limit(
    client, coordinator, entry, monkeypatch
):
    monkeypatch.setattr("members.services.pool.MESSAGES_PER_DAY", 3)
    for _number in range(3):
        PoolMessageFactory(sender=coordinator, recipient=entry.user)
    PoolMessageFactory(
        sender=coordinator,
        recipient=entry.user,
        created_at=timezone.now() - datetime.timedelta(days=2),
    )
    client.force_login(coordinator)

    response = send(client, entry)

    assert response.status_code == 400
    assert "24" in response.content.decode()
    assert PoolMessage.objects.count() == 4


def test_message_form_needs_subject_and_text(client, coordinator, entry):
    client.force_login(coordinator)

    response = send(client, entry, subject="", body="")

    assert response.status_code == 400
    assert not PoolMessage.objects.exists()


def test_relay_mail_is_sent_once_however_often_the_outbox_is_swept(
    coordinator, entry, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pool_message_send(sender=coordinator, entry=entry, subject="S", body="B")

    outgoing_mails_sweep()
    outgoing_mails_sweep()

    assert len(mail.outbox) == 1


def test_relay_mail_is_in_the_members_language(
    coordinator, entry, django_capture_on_commit_callbacks
):
    entry.user.profile.preferred_language = "en"
    entry.user.profile.save()

    with django_capture_on_commit_callbacks(execute=True):
        pool_message_send(sender=coordinator, entry=entry, subject="S", body="B")

    assert "Decline with one click" in mail.outbox[0].body
