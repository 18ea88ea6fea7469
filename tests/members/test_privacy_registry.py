import json

from django.core.serializers.json import DjangoJSONEncoder

from members.factories import MembershipVerificationFactory, ProfileFactory
from members.privacy import member_data_export
from members.services import consent_give


def test_export_holds_profile_consents_and_verification(member_user, district):
    ProfileFactory(user=member_user, display_name="Rosa", district=district)
    consent_give(user=member_user, kind="news_by_email")
    MembershipVerificationFactory(user=member_user, district=district)

    data = member_data_export(member_user)

    account = data["account"]
    assert account["email"] == member_user.email
    assert account["profile"]["display_name"] == "Rosa"
    assert account["profile"]["district"] == district.title
    assert [c["kind"] for c in account["consents"]] == ["news_by_email"]
    assert account["membership_verifications"][0]["status"] == "pending"
    json.dumps(data, cls=DjangoJSONEncoder)  # the download must serialise
