"""Mail server down: the member tools' mails wait in the outbox, then go out once.

Verification decisions, volunteer-pool messages, mentoring proposals and
welcome mails: the decision or message is stored while the server refuses
(a real SMTP backend on a closed port), and the sweep sends each mail exactly
once after the server is back.
"""

from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from core.models import OutgoingMail
from core.outbox import outgoing_mails_sweep
from members.factories import (
    MembershipVerificationFactory,
    MentoringApplicationFactory,
    PoolEntryFactory,
    VerifiedEmailFactory,
)
from members.models import MembershipVerification, Onboarding, PoolMessage
from members.services import (
    mentoring_match,
    onboarding_start,
    pool_message_answer,
    pool_message_send,
    verification_confirm,
)
from tests.members.pool_helpers import grant, member
from tests.portal.faults import MailServer

pytestmark = pytest.mark.django_db

State = OutgoingMail.State


@pytest.fixture
def mail_server(settings):
    return MailServer(settings)


def later(minutes):
    return timezone.now() + timedelta(minutes=minutes)


def mails_per_recipient():
    return Counter(address for message in mail.outbox for address in message.to)


def server_comes_back(mail_server, expected):
    """Nothing went out while down; the sweeps send ``expected`` mails once each."""
    assert mail.outbox == []
    assert set(OutgoingMail.objects.values_list("state", flat=True)) == {State.QUEUED}
    mail_server.up()
    assert outgoing_mails_sweep(now=later(2)) == sum(expected.values())
    assert outgoing_mails_sweep(now=later(60)) == 0
    assert mails_per_recipient() == expected
    assert set(OutgoingMail.objects.values_list("state", flat=True)) == {State.SENT}


def test_a_confirmation_made_while_the_server_is_down_is_mailed_later(
    make_user, district, superuser, mail_server, django_capture_on_commit_callbacks
):
    applicant = make_user("neu")
    VerifiedEmailFactory(user=applicant)
    request = MembershipVerificationFactory(user=applicant, district=district)
    mail_server.down()

    with django_capture_on_commit_callbacks(execute=True):
        verification_confirm(verification=request, decided_by=superuser)

    request.refresh_from_db()
    assert request.status == MembershipVerification.Status.CONFIRMED
    assert Onboarding.objects.filter(user=applicant).exists()
    # the decision and the welcome mail
    server_comes_back(mail_server, {"neu@example.org": 2})


def test_a_pool_message_and_its_answer_wait_for_the_server(
    make_user,
    members_group,
    district,
    district_editor,
    mail_server,
    django_capture_on_commit_callbacks,
):
    coordinator = grant(district_editor, "search_volunteer_pool")
    volunteer = member(make_user, members_group, "aylin")
    entry = PoolEntryFactory(user=volunteer, districts=[district])
    mail_server.down()

    with django_capture_on_commit_callbacks(execute=True):
        message = pool_message_send(
            sender=coordinator, entry=entry, subject="Flyer", body="Zeit?"
        )
    with django_capture_on_commit_callbacks(execute=True):
        pool_message_answer(token=message.token, text="Ja, gern")

    assert PoolMessage.objects.get().status == PoolMessage.Status.ANSWERED
    server_comes_back(mail_server, {"aylin@example.org": 1, coordinator.email: 1})


def test_a_mentoring_proposal_made_while_the_server_is_down_reaches_both_later(
    make_user,
    members_group,
    state_office_user,
    mail_server,
    django_capture_on_commit_callbacks,
):
    coordinator = grant(state_office_user, "coordinate_mentoring")
    mentee = MentoringApplicationFactory(
        user=member(make_user, members_group, "leyla"), role="mentee"
    )
    mentor = MentoringApplicationFactory(
        user=member(make_user, members_group, "gisela"), role="mentor"
    )
    mail_server.down()

    with django_capture_on_commit_callbacks(execute=True):
        mentoring_match(coordinator=coordinator, mentee=mentee, mentor=mentor)

    server_comes_back(mail_server, {"leyla@example.org": 1, "gisela@example.org": 1})
    assert "gisela@example.org" not in mail.outbox[0].body + mail.outbox[1].body


def test_a_welcome_mail_refused_once_is_not_lost_and_not_repeated(
    make_user, district, mail_server, django_capture_on_commit_callbacks
):
    newcomer = make_user("willkommen")
    mail_server.down()

    with django_capture_on_commit_callbacks(execute=True):
        onboarding_start(user=newcomer, district=district)
    with django_capture_on_commit_callbacks(execute=True):
        onboarding_start(user=newcomer, district=district)

    server_comes_back(mail_server, {"willkommen@example.org": 1})
