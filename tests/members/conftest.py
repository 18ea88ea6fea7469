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


@pytest.fixture
def coordinator(district_editor):
    """The Friedrichshain-Kreuzberg editor, allowed to look after new members."""
    from tests.members.onboarding_helpers import grant_onboarding

    return grant_onboarding(district_editor)


@pytest.fixture
def state_coordinator(state_office_user):
    from tests.members.onboarding_helpers import grant_onboarding

    return grant_onboarding(state_office_user)
