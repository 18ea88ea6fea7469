"""Two simultaneous submits of the membership request store one row (PostgreSQL)."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from home.factories import DistrictIndexPageFactory, DistrictPageFactory, site_with_home
from members.models import MembershipVerification
from members.services import verification_request

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_requests_create_one_row():
    district = DistrictPageFactory(
        parent=DistrictIndexPageFactory(parent=site_with_home())
    )
    user = get_user_model().objects.create_user("doppelt", email="d@example.org")
    barrier = threading.Barrier(4)
    results = []

    def submit():
        try:
            barrier.wait()
            verification = verification_request(
                user=user, district=district, membership_number="123456"
            )
            results.append(verification.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert MembershipVerification.objects.filter(user=user).count() == 1
    assert len(set(results)) == 1
    assert len(results) == 4
