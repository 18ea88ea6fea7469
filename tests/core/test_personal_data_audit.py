"""Lists and exports of personal data leave an audit entry (core.audit)."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from core.audit import EXPORTED, VIEWED
from dialog.factories import EventPageFactory
from members.factories import MembershipVerificationFactory, ProfileFactory
from registrations.factories import RegistrationFactory
from registrations.models import RegistrationMode
from tests.utils import in_days


@pytest.fixture
def event(district):
    event = EventPageFactory(
        parent=district,
        title="Themenrat Kiez",
        registration_mode=RegistrationMode.OPEN,
        capacity=20,
        start=in_days(10),
        district=district,
    )
    RegistrationFactory(page=event, name="Hanna Beispiel", email="hanna@example.org")
    RegistrationFactory(page=event, name="Ömer Yılmaz", email="oemer@example.org")
    return event


def entries(action, page):
    return PageLogEntry.objects.filter(action=action, page=page)


def test_opening_the_registration_list_is_logged(client, district_editor, event):
    client.force_login(district_editor)

    response = client.get(reverse("registrations_report", args=[event.pk]))

    assert response.status_code == 200
    entry = entries(VIEWED, event).get()
    assert entry.user == district_editor
    assert entry.data == {"what": "registrations", "count": 2}


def test_downloading_the_organisers_csv_is_logged_as_an_export(
    client, district_editor, event
):
    client.force_login(district_editor)

    response = client.get(reverse("registrations_csv", args=[event.pk]))

    assert response.status_code == 200
    entry = entries(EXPORTED, event).get()
    assert entry.user == district_editor
    assert entry.data == {"what": "registrations (CSV)", "count": 2}


def test_a_refused_export_leaves_no_entry(client, make_user, event):
    client.force_login(make_user("fremd"))

    client.get(reverse("registrations_csv", args=[event.pk]))

    assert not PageLogEntry.objects.filter(action__startswith="portal.").exists()


def test_the_membership_verification_list_is_logged(
    client, district_editor, member_user, district
):
    ProfileFactory(user=member_user, display_name="Marie L.")
    MembershipVerificationFactory(user=member_user, district=district)
    client.force_login(district_editor)

    response = client.get(reverse("membership_verifications:index"))

    assert response.status_code == 200
    entry = PageLogEntry.objects.get(action=VIEWED)
    assert entry.user == district_editor
    assert entry.data == {"what": "membership verifications", "count": 1}


def test_opening_one_membership_request_is_logged(
    client, district_editor, member_user, district
):
    verification = MembershipVerificationFactory(user=member_user, district=district)
    client.force_login(district_editor)

    response = client.get(
        reverse("membership_verifications:inspect", args=[verification.pk])
    )

    assert response.status_code == 200
    entry = ModelLogEntry.objects.get(action=VIEWED)
    assert entry.user == district_editor
    assert entry.object_id == str(verification.pk)
