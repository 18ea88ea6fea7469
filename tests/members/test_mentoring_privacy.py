import json

from django.core.serializers.json import DjangoJSONEncoder

from members.factories import MentoringApplicationFactory, MentoringPairFactory
from members.models import MentoringApplication, MentoringPair
from members.privacy import member_data_erase, member_data_export


def test_export_holds_applications_with_self_identification_and_pairs(member_user):
    MentoringApplicationFactory(
        user=member_user, role="mentor", self_identification=["woman"]
    )
    MentoringPairFactory(mentee_application__user=member_user)

    data = member_data_export(member_user)["mentoring"]

    roles = sorted(application["role"] for application in data["applications"])
    assert roles == ["mentee", "mentor"]
    assert ["woman"] in [a["self_identification"] for a in data["applications"]]
    assert data["pairs"][0]["role"] == "mentee"
    json.dumps(data, cls=DjangoJSONEncoder)


def test_erase_deletes_applications_and_pairs_and_frees_the_partner(member_user):
    pair = MentoringPairFactory(mentee_application__user=member_user)

    member_data_erase(member_user)

    assert not MentoringApplication.objects.filter(user=member_user).exists()
    assert not MentoringPair.objects.exists()
    pair.mentor_application.refresh_from_db()
    assert pair.mentor_application.status == "open"
