"""Open working groups take guests by double opt-in; members-only ones do not."""

import re
from collections import Counter

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from demo import content, onboarding
from dialog.factories import WorkingGroupPageFactory
from dialog.models import WorkingGroupCoordinator, WorkingGroupPage
from registrations.models import Registration, RegistrationMode
from tests.registrations.registration_helpers import guest_data, register_url
from tests.utils import page_text

pytestmark = pytest.mark.django_db

BOTH_REFUSED = (
    "Eine Gruppe, die offen für alle ist, kann nicht nur für Mitglieder sein."
)


@pytest.fixture
def open_group(home_page):
    return WorkingGroupPageFactory(
        parent=home_page,
        title="AG Mitgliederarbeit",
        open_to_all=True,
        registration_mode=RegistrationMode.OPEN,
    )


@pytest.fixture
def members_only_group(home_page):
    return WorkingGroupPageFactory(
        parent=home_page,
        title="AG Parteischule",
        open_to_all=False,
        registration_mode=RegistrationMode.MEMBERS,
    )


def join_as_guest(client, group, capture, **changes):
    client.get(register_url(group))
    with capture(execute=True):
        return client.post(register_url(group), guest_data(client=client, **changes))


def confirm_link(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_a_guest_joins_an_open_group_confirms_by_mail_and_is_listed(
    client, open_group, make_user, django_capture_on_commit_callbacks
):
    html = page_text(client, open_group.url)
    assert "Offen für alle: Auch Nichtmitglieder sind herzlich willkommen." in html
    assert register_url(open_group) in html
    assert 'name="email"' in page_text(client, register_url(open_group))

    response = join_as_guest(client, open_group, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    registration = Registration.objects.get(page=open_group)
    assert registration.status == Registration.Status.UNCONFIRMED
    assert registration.user is None
    assert registration.organisation == "Mieterinitiative Kotti"
    assert registration.consent_at is not None
    assert "0 Mitglieder" in page_text(client, open_group.url)
    [message] = mail.outbox
    assert message.to == ["hanna@example.org"]
    assert "AG Mitgliederarbeit" in message.subject

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(confirm_link(message))

    assert confirmed.status_code == 200
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert "1 Mitglied" in page_text(client, open_group.url)
    coordinator = make_user("koordination")
    WorkingGroupCoordinator.objects.create(page=open_group, user=coordinator)
    client.force_login(coordinator)
    members = page_text(
        client, reverse("dialog:working_group_members", args=[open_group.pk])
    )
    assert '<th scope="row">Hanna Beispiel</th>' in members
    assert "hanna@example.org" not in members


def test_the_admin_list_of_an_open_group_shows_the_confirmed_guest(
    client, open_group, superuser, django_capture_on_commit_callbacks
):
    join_as_guest(client, open_group, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_link(mail.outbox[0]))
    client.force_login(superuser)

    report = page_text(client, reverse("registrations_report", args=[open_group.pk]))

    assert "Hanna Beispiel" in report


def test_the_same_address_twice_gives_one_membership_and_the_same_answer(
    client, open_group, django_capture_on_commit_callbacks
):
    first = join_as_guest(client, open_group, django_capture_on_commit_callbacks)
    first_page = page_text(client, first["Location"])
    second = join_as_guest(
        client,
        open_group,
        django_capture_on_commit_callbacks,
        name="Jemand Anderes",
        email="HANNA@example.org",
    )
    second_page = page_text(client, second["Location"])

    assert second.status_code == first.status_code == 302
    assert second["Location"] == first["Location"]
    assert second_page == first_page
    assert Registration.objects.filter(page=open_group).count() == 1
    assert len(mail.outbox) == 1


def test_a_confirmed_address_joining_again_gets_the_same_answer(
    client, open_group, django_capture_on_commit_callbacks
):
    first = join_as_guest(client, open_group, django_capture_on_commit_callbacks)
    first_page = page_text(client, first["Location"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_link(mail.outbox[0]))
    sent = len(mail.outbox)

    again = join_as_guest(client, open_group, django_capture_on_commit_callbacks)

    assert again["Location"] == first["Location"]
    assert page_text(client, again["Location"]) == first_page
    assert Registration.objects.filter(page=open_group).count() == 1
    assert len(mail.outbox) == sent


def test_a_members_only_group_refuses_a_guest_with_a_clear_message(
    client, members_only_group, django_capture_on_commit_callbacks
):
    response = join_as_guest(
        client, members_only_group, django_capture_on_commit_callbacks
    )

    assert response.status_code == 403
    assert (
        "Nur Mitglieder können sich anmelden. Bitte logge dich ein."
        in response.content.decode()
    )
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_the_model_refuses_open_to_all_together_with_members_only(open_group):
    open_group.registration_mode = RegistrationMode.MEMBERS

    with pytest.raises(ValidationError) as refused:
        open_group.full_clean()

    assert BOTH_REFUSED in refused.value.message_dict["open_to_all"][0]


def test_the_database_refuses_open_to_all_together_with_members_only(open_group):
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkingGroupPage.objects.filter(pk=open_group.pk).update(
            registration_mode=RegistrationMode.MEMBERS
        )


def editor_form_data(group, **changes):
    fields = {
        "title": group.title,
        "slug": group.slug,
        "purpose": rich_text("Wir begrüßen neue Mitglieder."),
        "rhythm": group.rhythm,
        "open_to_all": "on",
        "registration_mode": RegistrationMode.OPEN,
        "capacity": "",
        "coordinators": inline_formset([]),
        "body": {"count": "0"},
        "topics": [],
        "district": "",
        "listing_title": "",
        "listing_summary": "",
        "comments": inline_formset([]),
    }
    fields.update(changes)
    return nested_form_data(fields)


def test_the_page_editor_explains_why_both_cannot_be_set(client, open_group, superuser):
    client.force_login(superuser)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[open_group.pk]),
        editor_form_data(open_group, registration_mode=RegistrationMode.MEMBERS),
    )

    assert response.status_code == 200
    assert BOTH_REFUSED in response.content.decode()
    open_group.refresh_from_db()
    assert open_group.registration_mode == RegistrationMode.OPEN


def test_the_page_editor_saves_a_members_only_group_that_is_not_open_to_all(
    client, open_group, superuser
):
    client.force_login(superuser)
    data = editor_form_data(open_group, registration_mode=RegistrationMode.MEMBERS)
    del data["open_to_all"]

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[open_group.pk]), data
    )

    assert response.status_code == 302
    page = WorkingGroupPage.objects.get(pk=open_group.pk)
    latest = page.get_latest_revision_as_object()
    assert latest.registration_mode == RegistrationMode.MEMBERS
    assert latest.open_to_all is False


def test_the_demo_group_mitgliederarbeit_is_open_to_guests(home_page, client):
    spec = next(
        group
        for group in content.WORKING_GROUPS
        if group["slug"] == onboarding.WORKING_GROUP_SLUG
    )
    WorkingGroupPageFactory(
        parent=home_page,
        slug=spec["slug"],
        title=spec["title"],
        purpose=spec["purpose"],
        rhythm=spec["rhythm"],
        open_to_all=spec["open_to_all"],
        registration_mode=spec["registration_mode"],
    )

    onboarding.load(Counter())

    group = WorkingGroupPage.objects.get(slug=onboarding.WORKING_GROUP_SLUG)
    assert group.open_to_all is True
    assert group.registration_mode == RegistrationMode.OPEN
    assert register_url(group) in page_text(client, group.url)
    assert 'name="email"' in page_text(client, register_url(group))
