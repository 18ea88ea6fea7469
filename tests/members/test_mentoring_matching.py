import re

import pytest
from django.core import mail
from wagtail.models import PageLogEntry

from core.audit import VIEWED
from members.factories import (
    MentoringApplicationFactory,
    MentoringPairFactory,
    ProfileFactory,
)
from members.models import MentoringApplication, MentoringPair

from .pool_helpers import grant

pytestmark = pytest.mark.django_db

ADMIN = "/admin/mentoring/"


@pytest.fixture
def coordinator(state_office_user):
    return grant(state_office_user, "coordinate_mentoring")


@pytest.fixture
def mentee(members_group):
    user = ProfileFactory(display_name="Leyla", preferred_language="tr").user
    user.email = "leyla.privat@example.net"
    user.save()
    user.groups.add(members_group)
    return MentoringApplicationFactory(
        user=user,
        role="mentee",
        goals="Erste Rede auf dem Parteitag",
        self_identification=["woman", "migration"],
        self_identification_note="Kurdin",
    )


@pytest.fixture
def mentor(members_group):
    user = ProfileFactory(display_name="Gisela", preferred_language="de").user
    user.email = "gisela.privat@example.net"
    user.save()
    user.groups.add(members_group)
    return MentoringApplicationFactory(
        user=user, role="mentor", goals="Zwanzig Jahre BVV-Erfahrung"
    )


def proposal_links():
    return {
        message.to[0]: re.search(r"http://testserver(\S+)", message.body).group(1)
        for message in mail.outbox
    }


def test_coordinator_sees_open_applications_with_self_identification(
    client, coordinator, mentee, mentor
):
    client.force_login(coordinator)

    html = client.get(ADMIN).content.decode()

    assert "Leyla" in html and "Gisela" in html
    assert "Kurdin" in html
    assert "Migrationsgeschichte" in html
    assert "leyla.privat" not in html
    assert PageLogEntry.objects.filter(action=VIEWED, user=coordinator).count() == 1


@pytest.mark.parametrize("path", ["", "paare/", "paare/1/schliessen/"])
def test_district_editor_gets_403_and_never_sees_self_identification(
    client, district_editor, mentee, mentor, path
):
    client.force_login(district_editor)

    for response in (client.get(ADMIN + path), client.post(ADMIN + path)):
        assert response.status_code == 403
        assert "Kurdin" not in response.content.decode()


def test_state_office_without_the_permission_gets_403(
    client, state_office_user, mentee
):
    client.force_login(state_office_user)

    assert client.get(ADMIN).status_code == 403


def test_menu_item_only_for_mentoring_coordinators(
    client, coordinator, district_editor
):
    client.force_login(coordinator)
    assert ADMIN in client.get("/admin/").content.decode()
    client.force_login(district_editor)
    assert ADMIN not in client.get("/admin/").content.decode()


def test_matching_mails_both_the_others_name_without_addresses(
    client, coordinator, mentee, mentor, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADMIN, {"mentee": mentee.pk, "mentor": mentor.pk})

    assert response.status_code == 302
    pair = MentoringPair.objects.get()
    assert pair.status == MentoringPair.Status.PROPOSED
    assert pair.proposed_by == coordinator
    assert set(MentoringApplication.objects.values_list("status", flat=True)) == {
        "matched"
    }
    by_recipient = {message.to[0]: message for message in mail.outbox}
    to_mentee = by_recipient["leyla.privat@example.net"]
    to_mentor = by_recipient["gisela.privat@example.net"]
    assert "Gisela" in to_mentee.body and "gisela.privat" not in to_mentee.body
    assert "Leyla" in to_mentor.body and "leyla.privat" not in to_mentor.body
    assert to_mentee.subject == "Mentorluk: size bir öneri"
    assert "Vorschlag" in to_mentor.subject
    assert "Kurdin" not in to_mentor.body


def test_addresses_are_exchanged_only_after_both_accepted(
    client, coordinator, mentee, mentor, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ADMIN, {"mentee": mentee.pk, "mentor": mentor.pk})
    links = proposal_links()
    mail.outbox.clear()
    client.logout()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(links["leyla.privat@example.net"], {"decision": "accept"})
    assert mail.outbox == []
    assert MentoringPair.objects.get().status == MentoringPair.Status.PROPOSED

    with django_capture_on_commit_callbacks(execute=True):
        client.post(links["gisela.privat@example.net"], {"decision": "accept"})

    pair = MentoringPair.objects.get()
    assert pair.status == MentoringPair.Status.ACTIVE
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert "gisela.privat@example.net" in by_recipient["leyla.privat@example.net"].body
    assert "leyla.privat@example.net" in by_recipient["gisela.privat@example.net"].body


def test_declining_ends_the_proposal_and_reopens_both_applications(client):
    pair = MentoringPairFactory()

    response = client.post(
        f"/konto/mentoring/vorschlag/{pair.mentor_token}/", {"decision": "decline"}
    )

    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.status == MentoringPair.Status.ENDED
    assert set(MentoringApplication.objects.values_list("status", flat=True)) == {
        "open"
    }


def test_proposal_links_work_once_and_cannot_be_guessed(client):
    pair = MentoringPairFactory()
    url = f"/konto/mentoring/vorschlag/{pair.mentee_token}/"

    client.post(url, {"decision": "accept"})

    assert client.post(url, {"decision": "decline"}).status_code == 410
    pair.refresh_from_db()
    assert pair.status == MentoringPair.Status.PROPOSED
    assert pair.mentee_accepted_at is not None
    assert len(pair.mentee_token) >= 40 and pair.mentee_token != pair.mentor_token
    guess = "x" * len(pair.mentee_token)
    assert client.get(f"/konto/mentoring/vorschlag/{guess}/").status_code == 404


def test_proposal_without_a_decision_is_a_clear_400(client):
    pair = MentoringPairFactory()

    response = client.post(f"/konto/mentoring/vorschlag/{pair.mentee_token}/", {})

    assert response.status_code == 400
    pair.refresh_from_db()
    assert pair.status == MentoringPair.Status.PROPOSED


def test_a_withdrawn_application_cannot_be_matched(client, coordinator, mentee, mentor):
    mentor.status = MentoringApplication.Status.WITHDRAWN
    mentor.save()
    client.force_login(coordinator)

    response = client.post(ADMIN, {"mentee": mentee.pk, "mentor": mentor.pk})

    assert response.status_code == 400
    assert not MentoringPair.objects.exists()


def test_coordinator_sees_pair_status_and_marks_it_completed(client, coordinator):
    pair = MentoringPairFactory(status=MentoringPair.Status.ACTIVE)
    client.force_login(coordinator)

    assert "Aktiv" in client.get(f"{ADMIN}paare/").content.decode()
    response = client.post(
        f"{ADMIN}paare/{pair.pk}/schliessen/", {"status": "completed"}
    )

    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.status == MentoringPair.Status.COMPLETED
    assert pair.closed_at is not None
    assert set(MentoringApplication.objects.values_list("status", flat=True)) == {
        "closed"
    }


def test_pair_list_queries_stay_flat(
    client, coordinator, django_assert_max_num_queries
):
    for _number in range(15):
        MentoringPairFactory()
    client.force_login(coordinator)

    with django_assert_max_num_queries(25):
        response = client.get(f"{ADMIN}paare/")

    assert response.status_code == 200


def test_applications_of_former_members_are_not_offered_for_matching(
    client, coordinator, mentee, mentor
):
    mentor.user.groups.clear()
    client.force_login(coordinator)

    html = client.get(ADMIN).content.decode()
    response = client.post(ADMIN, {"mentee": mentee.pk, "mentor": mentor.pk})

    assert "Gisela" not in html
    assert response.status_code == 400
    assert not MentoringPair.objects.exists()
