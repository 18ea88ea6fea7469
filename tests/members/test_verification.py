"""Membership verification: asked for by the person, decided by their district."""

import pytest
from django.urls import reverse

from core.people import MEMBERS_GROUP_NAME, is_verified_member
from members.factories import MembershipVerificationFactory
from members.models import MembershipVerification, Profile

REQUEST_URL = reverse("members:verification")
INDEX_URL = reverse("membership_verifications:index")


def confirm_url(verification):
    return reverse("membership_verifications:confirm", args=[verification.pk])


def reject_url(verification):
    return reverse("membership_verifications:reject", args=[verification.pk])


def fresh(verification):
    return MembershipVerification.objects.get(pk=verification.pk)


def test_request_form_asks_for_district_and_membership_number(
    client, applicant, district
):
    client.force_login(applicant)

    html = client.get(REQUEST_URL).content.decode()

    assert 'name="district"' in html
    assert 'name="membership_number"' in html
    assert "Friedrichshain-Kreuzberg" in html


def test_visitors_are_sent_to_the_login(client, home_page):
    response = client.get(REQUEST_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("members:login"))


def test_request_is_stored_as_pending(client, applicant, district):
    client.force_login(applicant)

    client.post(REQUEST_URL, {"district": district.pk, "membership_number": "123456"})

    verification = MembershipVerification.objects.get(user=applicant)
    assert verification.status == "pending"
    assert verification.district == district
    assert verification.membership_number == "123456"


def test_double_submit_creates_one_request(client, applicant, district):
    client.force_login(applicant)
    data = {"district": district.pk, "membership_number": "123456"}

    client.post(REQUEST_URL, data)
    client.post(REQUEST_URL, data)

    assert MembershipVerification.objects.filter(user=applicant).count() == 1


def test_pending_request_is_shown_with_its_status(client, pending_request):
    client.force_login(pending_request.user)

    html = client.get(REQUEST_URL).content.decode()

    assert "wartet auf eine Entscheidung" in html
    assert 'name="membership_number"' not in html


def test_bad_membership_number_gets_a_german_field_error(client, applicant, district):
    client.force_login(applicant)

    response = client.post(
        REQUEST_URL, {"district": district.pk, "membership_number": "<script>"}
    )

    assert response.status_code == 400
    assert "Verwende 3 bis 20 Ziffern, Buchstaben oder Bindestriche." in (
        response.content.decode()
    )
    assert not MembershipVerification.objects.exists()


def test_missing_district_gets_a_german_field_error(client, applicant, district):
    client.force_login(applicant)

    response = client.post(REQUEST_URL, {"district": "999999", "membership_number": ""})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte gib deine Mitgliedsnummer ein." in html
    assert "Bitte eine gültige Auswahl treffen." in html
    assert not MembershipVerification.objects.exists()


def test_an_empty_request_is_refused_with_messages_and_stores_nothing(
    client, applicant, district
):
    client.force_login(applicant)

    response = client.post(REQUEST_URL, {})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte korrigiere die markierten Felder." in html
    assert "Bitte wähle deinen Bezirk." in html
    assert "Bitte gib deine Mitgliedsnummer ein." in html
    assert not MembershipVerification.objects.exists()
    assert not Profile.objects.filter(user=applicant).exists()


def test_the_request_form_is_answered_200(client, applicant, district):
    client.force_login(applicant)

    response = client.get(REQUEST_URL)

    assert response.status_code == 200
    assert response.context["form"].errors == {}


def test_unverified_user_cannot_read_a_members_only_briefing(
    client, applicant, pending_request, members_briefing
):
    client.force_login(applicant)

    response = client.get(members_briefing.url)

    assert response.status_code == 302
    assert "Zwiebelturm" not in response.content.decode()


def test_district_editor_confirms_a_request_of_their_district(
    client,
    district_editor,
    pending_request,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(district_editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_url(pending_request))

    verification = fresh(pending_request)
    assert response.status_code == 302
    assert verification.status == "confirmed"
    assert verification.decided_by == district_editor
    assert verification.decided_at is not None
    assert is_verified_member(verification.user)
    assert mailoutbox[-1].to == ["neu@example.org"]
    assert "Mitglied" in mailoutbox[-1].subject


def test_confirmed_member_reads_the_members_only_briefing(
    client, district_editor, pending_request, members_briefing
):
    client.force_login(district_editor)
    client.post(confirm_url(pending_request))
    client.force_login(pending_request.user)

    response = client.get(members_briefing.url)

    assert response.status_code == 200
    assert "Zwiebelturm" in response.content.decode()


def test_confirming_needs_a_post(client, district_editor, pending_request):
    client.force_login(district_editor)

    response = client.get(confirm_url(pending_request))

    assert response.status_code == 405
    assert fresh(pending_request).status == "pending"


def test_editor_of_another_district_gets_404_and_nothing_changes(
    client, make_user, other_district, pending_request, mailoutbox
):
    from tests.conftest import _editor_group

    group = _editor_group("Bezirksredaktion Marzahn-Hellersdorf", other_district)
    other_editor = make_user("bezirk-mh", groups=[group])
    client.force_login(other_editor)

    response = client.post(confirm_url(pending_request))

    assert response.status_code == 404
    assert fresh(pending_request).status == "pending"
    assert not pending_request.user.groups.filter(name=MEMBERS_GROUP_NAME).exists()
    assert mailoutbox == []


def test_member_without_admin_rights_gets_403(client, member_user, pending_request):
    client.force_login(member_user)

    response = client.post(confirm_url(pending_request))

    assert response.status_code in (302, 403)
    assert fresh(pending_request).status == "pending"


def test_state_office_confirms_requests_of_every_district(
    client, state_office_user, pending_request
):
    client.force_login(state_office_user)

    client.post(confirm_url(pending_request))

    assert fresh(pending_request).status == "confirmed"


def test_confirming_twice_keeps_the_first_decision(
    client, district_editor, superuser, pending_request
):
    client.force_login(district_editor)
    client.post(confirm_url(pending_request))
    client.force_login(superuser)

    response = client.post(confirm_url(pending_request), follow=True)

    assert response.status_code == 200
    assert fresh(pending_request).decided_by == district_editor
    assert "bereits entschieden" in response.content.decode()


def test_reject_asks_for_an_optional_reason(client, district_editor, pending_request):
    client.force_login(district_editor)

    response = client.get(reject_url(pending_request))

    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()


def test_reject_with_reason_records_it_and_mails_the_person(
    client,
    district_editor,
    pending_request,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(district_editor)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reject_url(pending_request), {"reason": "Nummer unbekannt."})

    verification = fresh(pending_request)
    assert verification.status == "rejected"
    assert verification.rejection_reason == "Nummer unbekannt."
    assert verification.decided_by == district_editor
    assert not is_verified_member(verification.user)
    assert "Nummer unbekannt." in mailoutbox[-1].body


def test_rejected_person_sees_the_reason_and_may_ask_again(
    client, district_editor, pending_request
):
    client.force_login(district_editor)
    client.post(reject_url(pending_request), {"reason": "Nummer unbekannt."})
    client.force_login(pending_request.user)

    html = client.get(REQUEST_URL).content.decode()

    assert "Nummer unbekannt." in html
    assert 'name="membership_number"' in html


def test_admin_list_shows_district_editors_only_their_districts_requests(
    client, district_editor, pending_request, other_district, make_user
):
    other = MembershipVerificationFactory(
        user=make_user("fremd"), district=other_district, membership_number="999999"
    )
    client.force_login(district_editor)

    html = client.get(INDEX_URL).content.decode()

    assert pending_request.membership_number in html
    assert other.membership_number not in html


def test_admin_list_filters_by_status(client, superuser, pending_request, make_user):
    decided = MembershipVerificationFactory(
        user=make_user("alt"),
        district=pending_request.district,
        membership_number="777777",
        status="rejected",
    )
    client.force_login(superuser)

    html = client.get(INDEX_URL, {"status": "pending"}).content.decode()

    assert pending_request.membership_number in html
    assert decided.membership_number not in html


def test_admin_list_shows_who_decided_and_when(
    client, district_editor, pending_request
):
    client.force_login(district_editor)
    client.post(confirm_url(pending_request))

    html = client.get(INDEX_URL).content.decode()

    assert "Bestätigt" in html
    assert "bezirk-fk" not in html or "Kemal" not in html


def test_admin_list_stays_within_a_query_budget(
    client, superuser, district, make_user, django_assert_max_num_queries
):
    for number in range(15):
        MembershipVerificationFactory(
            user=make_user(f"person-{number}"), district=district
        )
    client.force_login(superuser)
    client.get(INDEX_URL)

    with django_assert_max_num_queries(15):
        response = client.get(INDEX_URL)

    assert response.status_code == 200


def test_users_without_district_rights_do_not_see_the_admin_menu_item(
    client, make_user, pending_request
):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Nur Admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(make_user("presse", groups=[group]))

    assert client.get(INDEX_URL).status_code in (302, 403)


@pytest.mark.django_db
def test_one_open_request_per_user_is_enforced_by_the_database(applicant, district):
    from django.db import IntegrityError, transaction

    MembershipVerificationFactory(user=applicant, district=district)

    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipVerificationFactory(user=applicant, district=district)


def test_editor_of_another_district_cannot_inspect_a_request(
    client, make_user, other_district, pending_request
):
    from tests.conftest import _editor_group

    group = _editor_group("Bezirksredaktion Marzahn-Hellersdorf", other_district)
    client.force_login(make_user("bezirk-mh", groups=[group]))
    inspect_url = reverse("membership_verifications:inspect", args=[pending_request.pk])

    response = client.get(inspect_url)

    assert response.status_code == 404
    assert "neu@example.org" not in response.content.decode()


def test_district_editor_inspects_a_request_of_their_district(
    client, district_editor, pending_request
):
    client.force_login(district_editor)
    inspect_url = reverse("membership_verifications:inspect", args=[pending_request.pk])

    response = client.get(inspect_url)

    assert response.status_code == 200
    assert pending_request.membership_number in response.content.decode()


def test_nobody_edits_a_request_in_the_admin(client, superuser, pending_request):
    client.force_login(superuser)
    edit_url = reverse("membership_verifications:edit", args=[pending_request.pk])

    client.post(edit_url, {"rejection_reason": "frei erfunden"})

    assert fresh(pending_request).rejection_reason == ""


def revoke_url(verification):
    return reverse("membership_verifications:revoke", args=[verification.pk])


@pytest.fixture
def confirmed_request(pending_request, district_editor):
    from members.services import verification_confirm

    return verification_confirm(
        verification=pending_request, decided_by=district_editor
    )


def test_revoked_member_can_no_longer_read_the_members_only_briefing(
    client, district_editor, confirmed_request, members_briefing
):
    client.force_login(district_editor)
    client.post(revoke_url(confirmed_request), {"reason": "Ausgetreten."})
    client.force_login(confirmed_request.user)

    response = client.get(members_briefing.url)

    assert response.status_code == 302
    assert "Zwiebelturm" not in response.content.decode()
    assert not is_verified_member(fresh(confirmed_request).user)


def test_revoking_records_who_when_and_why_and_keeps_the_confirmation(
    client, make_user, district, confirmed_request
):
    from tests.conftest import _editor_group

    group = _editor_group("Bezirksredaktion FK 2", district)
    second_editor = make_user("bezirk-fk-2", groups=[group])
    client.force_login(second_editor)

    response = client.post(revoke_url(confirmed_request), {"reason": "Ausgetreten."})

    verification = fresh(confirmed_request)
    assert response.status_code == 302
    assert verification.status == "revoked"
    assert verification.revoked_by == second_editor
    assert verification.revoked_at is not None
    assert verification.revocation_reason == "Ausgetreten."
    assert verification.decided_by == confirmed_request.decided_by


def test_revoking_mails_the_person_with_the_reason(
    client,
    district_editor,
    confirmed_request,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(district_editor)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(revoke_url(confirmed_request), {"reason": "Ausgetreten."})

    assert mailoutbox[-1].to == ["neu@example.org"]
    assert "widerrufen" in mailoutbox[-1].subject
    assert "Ausgetreten." in mailoutbox[-1].body


def test_revoke_asks_for_an_optional_reason(client, district_editor, confirmed_request):
    client.force_login(district_editor)

    response = client.get(revoke_url(confirmed_request))

    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()


def test_admin_list_offers_revoking_a_confirmed_request(
    client, district_editor, confirmed_request
):
    client.force_login(district_editor)

    html = client.get(INDEX_URL).content.decode()

    assert revoke_url(confirmed_request) in html


def test_inspect_view_offers_revoking_a_confirmed_request(
    client, district_editor, confirmed_request
):
    client.force_login(district_editor)
    inspect_url = reverse(
        "membership_verifications:inspect", args=[confirmed_request.pk]
    )

    html = client.get(inspect_url).content.decode()

    assert revoke_url(confirmed_request) in html


def test_editor_of_another_district_cannot_revoke_and_nothing_changes(
    client, make_user, other_district, confirmed_request, mailoutbox
):
    from tests.conftest import _editor_group

    group = _editor_group("Bezirksredaktion Marzahn-Hellersdorf", other_district)
    client.force_login(make_user("bezirk-mh", groups=[group]))

    response = client.post(revoke_url(confirmed_request), {"reason": "Weg damit."})

    verification = fresh(confirmed_request)
    assert response.status_code == 404
    assert verification.status == "confirmed"
    assert verification.revoked_by is None
    assert is_verified_member(verification.user)
    assert mailoutbox == []


def test_revoking_a_pending_request_is_refused_with_a_german_message(
    client, district_editor, pending_request, mailoutbox
):
    client.force_login(district_editor)

    response = client.post(revoke_url(pending_request), {"reason": ""})

    assert response.status_code == 409
    assert "Nur bestätigte Mitgliedschaften können widerrufen werden." in (
        response.content.decode()
    )
    assert fresh(pending_request).status == "pending"
    assert mailoutbox == []


def test_revoked_person_sees_the_reason_and_may_ask_again(
    client, district_editor, district, confirmed_request
):
    client.force_login(district_editor)
    client.post(revoke_url(confirmed_request), {"reason": "Ausgetreten."})
    client.force_login(confirmed_request.user)

    html = client.get(REQUEST_URL).content.decode()
    client.post(REQUEST_URL, {"district": district.pk, "membership_number": "654321"})

    assert "Ausgetreten." in html
    assert 'name="membership_number"' in html
    latest = MembershipVerification.objects.filter(user=confirmed_request.user).first()
    assert latest.status == "pending"
    assert latest.membership_number == "654321"


def test_admin_list_shows_who_revoked_and_why(
    client, district_editor, confirmed_request
):
    client.force_login(district_editor)
    client.post(revoke_url(confirmed_request), {"reason": "Ausgetreten."})

    html = client.get(INDEX_URL).content.decode()

    assert "Widerrufen von" in html
    assert "Ausgetreten." in html
    assert revoke_url(confirmed_request) not in html


def test_confirmation_revoked_before_the_mail_went_out_still_gets_both_mails(
    district_editor, pending_request, mailoutbox, django_capture_on_commit_callbacks
):
    from members.services import verification_confirm, verification_revoke

    with django_capture_on_commit_callbacks(execute=True):
        verification_confirm(verification=pending_request, decided_by=district_editor)
        verification_revoke(
            verification=fresh(pending_request), decided_by=district_editor
        )

    subjects = [message.subject for message in mailoutbox]
    assert len(subjects) == 2
    assert "bestätigtes Mitglied" in subjects[0]
    assert "widerrufen" in subjects[1]


def test_editor_of_another_district_is_not_told_the_request_exists(
    client, make_user, other_district, pending_request
):
    from tests.conftest import _editor_group

    group = _editor_group("Bezirksredaktion Marzahn-Hellersdorf", other_district)
    client.force_login(make_user("bezirk-mh", groups=[group]))

    response = client.post(confirm_url(pending_request))

    assert response.status_code == 404
    assert pending_request.user.email not in response.content.decode()
    pending_request.refresh_from_db()
    assert pending_request.status == "pending"
