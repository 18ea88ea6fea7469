import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from members.factories import PoolEntryFactory
from members.models import PoolEntry
from members.selectors import pool_entries_contactable

URL = "/konto/mitmachen-pool/"


@pytest.fixture
def member_client(client, member_user):
    client.force_login(member_user)
    return client


def join_data(district, **extra):
    data = {
        "skills": ["Social Media", "Plakatieren"],
        "other_skills": "Gebärdensprache, Kochen",
        "districts": [district.pk],
        "languages": ["de", "tr"],
        "availability": ["weekends"],
        "availability_note": "nicht in den Schulferien",
        "consent": "on",
    }
    data.update(extra)
    return data


def test_pool_page_is_linked_from_the_profile(member_client):
    response = member_client.get(reverse("members:profile"))
    assert URL in response.content.decode()


def test_member_joins_with_skills_districts_languages_and_consent_time(
    member_client, member_user, district
):
    response = member_client.post(URL, join_data(district))

    assert response.status_code == 302
    entry = PoolEntry.objects.get(user=member_user)
    assert sorted(tag.name for tag in entry.skills.all()) == [
        "Gebärdensprache",
        "Kochen",
        "Plakatieren",
        "Social Media",
    ]
    assert list(entry.districts.all()) == [district]
    assert set(entry.languages) == {"de", "tr"}
    assert set(entry.availability) == {"weekends"}
    assert entry.contact_consented_at is not None
    assert entry.contact_consent_version == 1
    page = member_client.get(URL).content.decode()
    assert "Du bist im Pool" in page


def test_joining_without_consent_is_refused_with_a_message(
    member_client, member_user, district
):
    data = join_data(district)
    del data["consent"]

    response = member_client.post(URL, data)

    assert response.status_code == 400
    assert "field--error" in response.content.decode()
    assert not PoolEntry.objects.filter(user=member_user).exists()


def test_joining_without_a_district_is_refused(member_client, member_user, district):
    response = member_client.post(URL, join_data(district, districts=[]))

    assert response.status_code == 400
    assert not PoolEntry.objects.exists()


def test_an_empty_post_is_refused_with_a_message_and_keeps_the_entry(
    member_client, member_user, district
):
    PoolEntryFactory(user=member_user, districts=[district], skills=["Layout"])

    response = member_client.post(URL, {})

    entry = PoolEntry.objects.get(user=member_user)
    assert response.status_code == 400
    assert "Wähle mindestens einen Bezirk." in response.content.decode()
    assert list(entry.districts.all()) == [district]
    assert [tag.name for tag in entry.skills.all()] == ["Layout"]
    assert entry.has_consent


@pytest.mark.parametrize("district_id", [2**63, -(2**63) - 1, 10**40])
def test_a_district_id_beyond_the_database_integers_is_refused(
    member_client, district, district_id
):
    response = member_client.post(
        URL, join_data(district, districts=[district.pk, district_id])
    )

    assert response.status_code == 400
    assert "ist kein gültiger Wert" in response.content.decode()
    assert not PoolEntry.objects.exists()


def test_non_member_cannot_join(client, non_member_user, district):
    client.force_login(non_member_user)

    assert client.get(URL).status_code == 403
    assert client.post(URL, join_data(district)).status_code == 403
    assert not PoolEntry.objects.exists()


def test_unticking_consent_withdraws_it_and_hides_the_member(
    member_client, member_user, district
):
    entry = PoolEntryFactory(user=member_user, districts=[district], skills=["IT"])
    data = join_data(district)
    del data["consent"]

    member_client.post(URL, data)

    entry.refresh_from_db()
    assert entry.contact_consented_at is None
    assert entry.contact_consent_withdrawn_at is not None
    assert not pool_entries_contactable().filter(pk=entry.pk).exists()


def test_pause_until_a_date_hides_the_member_until_that_day(
    member_client, member_user, district
):
    entry = PoolEntryFactory(user=member_user, districts=[district], skills=["IT"])
    until = timezone.localdate() + datetime.timedelta(days=10)

    member_client.post(reverse("members:pool_pause"), {"until": until.isoformat()})

    entry.refresh_from_db()
    assert entry.paused and entry.paused_until == until
    assert not pool_entries_contactable().filter(pk=entry.pk).exists()
    later = until + datetime.timedelta(days=1)
    assert pool_entries_contactable(today=later).filter(pk=entry.pk).exists()


def test_pause_without_date_lasts_until_resumed(member_client, member_user, district):
    entry = PoolEntryFactory(user=member_user, districts=[district], skills=["IT"])

    member_client.post(reverse("members:pool_pause"), {"until": ""})
    far = timezone.localdate() + datetime.timedelta(days=3650)
    assert not pool_entries_contactable(today=far).filter(pk=entry.pk).exists()

    member_client.post(reverse("members:pool_resume"))
    assert pool_entries_contactable().filter(pk=entry.pk).exists()


def test_pause_date_in_the_past_is_refused(member_client, member_user, district):
    entry = PoolEntryFactory(user=member_user, districts=[district], skills=["IT"])

    response = member_client.post(
        reverse("members:pool_pause"), {"until": "2001-01-01"}, follow=True
    )

    entry.refresh_from_db()
    assert not entry.paused
    assert response.status_code == 200


def test_leaving_deletes_the_entry(member_client, member_user, district):
    PoolEntryFactory(user=member_user, districts=[district], skills=["IT"])

    assert member_client.get(reverse("members:pool_leave")).status_code == 200
    member_client.post(reverse("members:pool_leave"))

    assert not PoolEntry.objects.filter(user=member_user).exists()


def test_member_sees_messages_to_them_with_an_answer_link(
    member_client, member_user, district, superuser
):
    from members.factories import PoolMessageFactory

    PoolEntryFactory(user=member_user, districts=[district], skills=["IT"])
    message = PoolMessageFactory(recipient=member_user, sender=superuser)
    PoolMessageFactory(subject="Someone else's", sender=superuser)

    html = member_client.get(URL).content.decode()

    assert "Plakate am Samstag" in html
    assert f"/nachricht/{message.token}/antworten/" in html
    assert "Someone else" not in html
