import pytest

from members.factories import MembershipVerificationFactory, VerifiedEmailFactory


@pytest.fixture
def de_client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "de"
    return client


@pytest.fixture
def applicant(make_user):
    """A registered person with a verified address who is not yet a member."""
    user = make_user("neu")
    VerifiedEmailFactory(user=user)
    return user


@pytest.fixture
def pending_request(applicant, district):
    return MembershipVerificationFactory(
        user=applicant, district=district, membership_number="123456"
    )
