"""Every confirmed member gets one onboarding record and one welcome mail."""

import datetime

from django.urls import reverse
from django.utils import timezone

from core.outbox import outgoing_mails_sweep
from dialog.factories import EventPageFactory
from dialog.models import EventPage
from members.factories import (
    MembershipVerificationFactory,
    OnboardingFactory,
    OnboardingStepDoneFactory,
    ProfileFactory,
    VerifiedEmailFactory,
    WelcomeMailTextFactory,
)
from members.models import Onboarding, OnboardingStep, OnboardingStepDone
from members.services import (
    onboarding_start,
    onboarding_start_for_verification,
    verification_confirm,
)


def test_confirming_a_verification_creates_one_record_in_its_district(
    pending_request, district, superuser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        verification_confirm(verification=pending_request, decided_by=superuser)

    record = Onboarding.objects.get()
    assert record.user == pending_request.user
    assert record.district == district
    assert record.joined_on == timezone.localdate()
    assert record.source == Onboarding.Source.VERIFICATION


def test_confirming_sends_exactly_one_welcome_mail_also_when_started_twice(
    pending_request, superuser, mailoutbox, django_capture_on_commit_callbacks
):
    WelcomeMailTextFactory(language="de", subject="Willkommen, {name}!")
    with django_capture_on_commit_callbacks(execute=True):
        verification_confirm(verification=pending_request, decided_by=superuser)
    with django_capture_on_commit_callbacks(execute=True):
        onboarding_start_for_verification(verification_id=pending_request.pk)
        onboarding_start_for_verification(verification_id=pending_request.pk)
    outgoing_mails_sweep()

    assert Onboarding.objects.count() == 1
    welcome = [m for m in mailoutbox if m.subject.startswith("Willkommen,")]
    assert len(welcome) == 1
    assert welcome[0].to == ["neu@example.org"]
    assert (
        OnboardingStepDone.objects.filter(step=OnboardingStep.WELCOME_MAIL).count() == 1
    )


def test_welcome_mail_step_is_recorded_as_done_by_the_portal(
    member_user, district, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record = onboarding_start(user=member_user, district=district)

    done = record.steps.get()
    assert done.step == OnboardingStep.WELCOME_MAIL
    assert done.done_by is None


def test_welcome_mail_uses_the_staff_text_in_the_members_language(
    member_user, district, event_index, mailoutbox, django_capture_on_commit_callbacks
):
    ProfileFactory(user=member_user, display_name="Rosa", preferred_language="en")
    WelcomeMailTextFactory(language="de", subject="Willkommen, {name}!")
    WelcomeMailTextFactory(
        language="en",
        subject="Welcome, {name}!",
        body="Hello {name} from {district}. Next: {next_meeting}",
    )
    start = timezone.now() + datetime.timedelta(days=10)
    EventPageFactory(
        parent=event_index,
        title="Neumitgliedertreffen Dezember",
        kind=EventPage.Kind.NEW_MEMBER_MEETING,
        district=district,
        start=start,
    )

    with django_capture_on_commit_callbacks(execute=True):
        onboarding_start(user=member_user, district=district)

    mail = mailoutbox[-1]
    assert mail.subject == "Welcome, Rosa!"
    assert "Hello Rosa from Friedrichshain-Kreuzberg." in mail.body
    assert "Neumitgliedertreffen Dezember" in mail.body
    assert "{" not in mail.body


def test_next_meeting_is_the_next_one_of_the_members_district_only(
    member_user,
    district,
    other_district,
    event_index,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    WelcomeMailTextFactory(language="de", body="Treffen: {next_meeting}")
    EventPageFactory(
        parent=event_index,
        title="Treffen anderer Bezirk",
        kind=EventPage.Kind.NEW_MEMBER_MEETING,
        district=other_district,
        start=timezone.now() + datetime.timedelta(days=2),
    )
    EventPageFactory(
        parent=event_index,
        title="Stammtisch im Bezirk",
        kind=EventPage.Kind.STAMMTISCH,
        district=district,
        start=timezone.now() + datetime.timedelta(days=2),
    )
    EventPageFactory(
        parent=event_index,
        title="Treffen im Bezirk",
        kind=EventPage.Kind.NEW_MEMBER_MEETING,
        district=district,
        start=timezone.now() + datetime.timedelta(days=20),
    )

    with django_capture_on_commit_callbacks(execute=True):
        onboarding_start(user=member_user, district=district)

    body = mailoutbox[-1].body
    assert "Treffen im Bezirk" in body
    assert "Treffen anderer Bezirk" not in body
    assert "Stammtisch" not in body


def test_without_a_staff_text_the_built_in_german_text_is_sent(
    member_user, district, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        onboarding_start(user=member_user, district=district)

    assert mailoutbox[-1].subject.startswith("Willkommen")
    assert "Friedrichshain-Kreuzberg" in mailoutbox[-1].body


def test_confirmation_links_an_imported_record_instead_of_a_second_one(
    pending_request, superuser, mailoutbox, django_capture_on_commit_callbacks
):
    imported = OnboardingFactory(
        user=None,
        name="Nils N.",
        email="NEU@example.org",
        phone="030 123",
        source=Onboarding.Source.IMPORT,
    )
    OnboardingStepDoneFactory(onboarding=imported, step=OnboardingStep.WELCOME_MAIL)

    with django_capture_on_commit_callbacks(execute=True):
        verification_confirm(verification=pending_request, decided_by=superuser)

    record = Onboarding.objects.get()
    assert record.pk == imported.pk
    assert record.user == pending_request.user
    assert (record.name, record.email, record.phone) == ("", "", "030 123")
    assert not [m for m in mailoutbox if m.subject.startswith("Willkommen")]


def test_confirming_an_address_links_the_imported_record(client, make_user):
    from allauth.account.models import EmailConfirmationHMAC

    imported = OnboardingFactory(user=None, name="Ada", email="ada@example.org")
    user = make_user("ada")
    address = VerifiedEmailFactory(user=user, verified=False)
    key = EmailConfirmationHMAC(address).key

    response = client.post(reverse("account_confirm_email", args=[key]))

    assert response.status_code == 302
    imported.refresh_from_db()
    assert imported.user == user
    assert imported.email == ""


def test_a_member_with_a_record_keeps_it_when_started_again(
    member_user, district, other_district, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = onboarding_start(user=member_user, district=district)
        again = onboarding_start(user=member_user, district=other_district)

    assert first.pk == again.pk
    assert Onboarding.objects.get().district == district


def test_rejected_requests_start_no_onboarding(district, superuser):
    verification = MembershipVerificationFactory(district=district, status="rejected")

    onboarding_start_for_verification(verification_id=verification.pk)

    assert not Onboarding.objects.exists()
