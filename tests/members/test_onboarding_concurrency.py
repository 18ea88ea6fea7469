"""Simultaneous starts and mail runs give one record and one mail (PostgreSQL)."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection

from core.outbox import outgoing_mails_sweep
from home.factories import DistrictIndexPageFactory, DistrictPageFactory, site_with_home
from members.models import Onboarding, OnboardingStepDone
from members.services import onboarding_start

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)


def run_together(function, times=4):
    barrier = threading.Barrier(times)

    def run():
        try:
            barrier.wait()
            function()
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_starts_create_one_record_and_send_one_welcome_mail():
    district = DistrictPageFactory(
        parent=DistrictIndexPageFactory(parent=site_with_home())
    )
    user = get_user_model().objects.create_user("parallel", email="p@example.org")
    mail.outbox = []

    run_together(lambda: onboarding_start(user=user, district=district))

    assert Onboarding.objects.filter(user=user).count() == 1
    assert OnboardingStepDone.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["p@example.org"]]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_outbox_sweeps_send_one_welcome_mail(settings):
    user = get_user_model().objects.create_user("zweimal", email="z@example.org")
    record = Onboarding.objects.create(user=user, joined_on="2026-11-20")
    settings.TASKS = DUMMY_TASKS  # no send right after the commit: sweeps find it
    onboarding_start(user=user, district=None)
    mail.outbox = []

    run_together(outgoing_mails_sweep)

    assert len(mail.outbox) == 1
    assert OnboardingStepDone.objects.filter(onboarding=record).count() == 1
