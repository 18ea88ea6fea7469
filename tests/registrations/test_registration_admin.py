"""Organisers' report, CSV export and promote in the Wagtail admin."""

import csv
import io

import pytest
from django.urls import reverse

from registrations.factories import RegistrationFactory
from registrations.models import Registration, RegistrationMode
from tests.registrations.registration_helpers import registrable_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def district_event(event_index, district):
    """An open thematic council filed under Friedrichshain-Kreuzberg."""
    event = registrable_event(
        event_index,
        title="Themenrat Kiez",
        registration_mode=RegistrationMode.OPEN,
        district=district,
        capacity=2,
        childcare_offered=True,
        accessibility_questions=True,
    )
    RegistrationFactory(
        page=event,
        name="Hanna Beispiel",
        email="hanna@example.org",
        organisation="Mieterinitiative Kotti",
        children_ages=[0, 2, 4],
        needs_step_free=True,
    )
    RegistrationFactory(
        page=event, name="Ömer Yılmaz", accessibility_other="=Gebärdensprache"
    )
    RegistrationFactory(page=event, name="Wartende Person", status="waiting")
    return event


def report_url(page):
    return reverse("registrations_report", args=[page.pk])


def csv_url(page):
    return reverse("registrations_csv", args=[page.pk])


def test_district_editor_sees_report_of_own_district(
    client, district_event, district_editor
):
    client.force_login(district_editor)

    response = client.get(report_url(district_event))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Hanna Beispiel" in html
    assert "Wartende Person" in html


def test_district_editor_of_other_district_gets_404(
    client, event_index, other_district, district_editor
):
    event = registrable_event(event_index, district=other_district)

    assert client_get_as(client, district_editor, report_url(event)) == 404
    assert client_get_as(client, district_editor, csv_url(event)) == 404


def client_get_as(client, user, url):
    client.force_login(user)
    return client.get(url).status_code


def test_state_office_sees_every_report(client, district_event, state_office_user):
    assert client_get_as(client, state_office_user, report_url(district_event)) == 200


def test_member_without_admin_access_cannot_open_report(
    client, district_event, member_user
):
    client.force_login(member_user)

    response = client.get(report_url(district_event))

    assert response.status_code in (302, 403)


def test_report_counts_children_by_age_group(client, district_event, superuser):
    client.force_login(superuser)

    response = client.get(report_url(district_event))

    report = response.context["report"]
    assert report.children_by_age_group == {"0–2": 2, "3–5": 1, "6–9": 0, "10+": 0}
    assert [r.name for r in report.step_free] == ["Hanna Beispiel"]


def test_report_stays_within_query_budget(
    client, district_event, superuser, django_assert_max_num_queries
):
    RegistrationFactory.create_batch(20, page=district_event, status="waiting")
    client.force_login(superuser)

    with django_assert_max_num_queries(20):
        client.get(report_url(district_event))


def test_csv_has_bom_semicolons_and_one_row_per_person(
    client, district_event, superuser
):
    client.force_login(superuser)

    response = client.get(csv_url(district_event))

    body = response.content.decode("utf-8")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert body.startswith("\ufeff")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert rows[0][:3] == ["Anmeldestatus", "Name", "E-Mail-Adresse"]
    assert rows[1][:4] == [
        "Bestätigt",
        "Hanna Beispiel",
        "hanna@example.org",
        "Mieterinitiative Kotti",
    ]
    assert rows[1][6:9] == ["3", "0, 2, 4", "ja"]
    assert len(rows) == 4


def test_csv_defuses_formulas(client, district_event, superuser):
    client.force_login(superuser)

    body = client.get(csv_url(district_event)).content.decode("utf-8")

    assert "'=Gebärdensprache" in body


def test_organiser_promotes_from_the_waiting_list(client, district_event, superuser):
    district_event.capacity = 3
    district_event.save_revision().publish()
    waiting = Registration.objects.get(status="waiting")
    client.force_login(superuser)

    response = client.post(
        reverse("registrations_promote", args=[district_event.pk, waiting.pk])
    )

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_promote_is_post_only(client, district_event, superuser):
    waiting = Registration.objects.get(status="waiting")
    client.force_login(superuser)

    response = client.get(
        reverse("registrations_promote", args=[district_event.pk, waiting.pk])
    )

    assert response.status_code == 405


def test_page_header_links_to_the_report(client, district_event, superuser):
    client.force_login(superuser)

    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[district_event.pk])
    ).content.decode()

    assert report_url(district_event) in html


def test_registrations_overview_lists_only_own_district(
    client, district_event, event_index, other_district, district_editor
):
    other = registrable_event(event_index, title="Woanders", district=other_district)
    RegistrationFactory(page=other)
    client.force_login(district_editor)

    response = client.get(reverse("registrations_index"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Themenrat Kiez" in html
    assert "Woanders" not in html


def test_registrations_overview_counts_per_status(
    client, district_event, superuser, django_assert_max_num_queries
):
    client.force_login(superuser)

    with django_assert_max_num_queries(15):
        response = client.get(reverse("registrations_index"))

    page = response.context["pages"][0]
    assert (page.count_confirmed, page.count_waiting) == (2, 1)
