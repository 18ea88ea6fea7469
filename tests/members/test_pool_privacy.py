import json

from django.core.serializers.json import DjangoJSONEncoder

from members.factories import PoolEntryFactory, PoolMessageFactory
from members.models import PoolEntry, PoolMessage
from members.privacy import member_data_erase, member_data_export


def test_export_holds_the_pool_entry_and_messages(member_user, district):
    PoolEntryFactory(user=member_user, districts=[district], skills=["Layout"])
    PoolMessageFactory(recipient=member_user, answer="Gern", status="answered")

    data = member_data_export(member_user)["volunteer_pool"]

    assert data["entry"]["skills"] == ["Layout"]
    assert data["entry"]["districts"] == [district.title]
    assert data["entry"]["contact_consented_at"]
    assert data["messages_received"][0]["answer"] == "Gern"
    json.dumps(data, cls=DjangoJSONEncoder)


def test_export_without_an_entry_is_empty(member_user):
    data = member_data_export(member_user)["volunteer_pool"]

    assert data == {"entry": None, "messages_received": [], "messages_sent": []}


def test_erase_deletes_the_entry_and_received_messages_and_unnames_sent_ones(
    member_user, superuser, district
):
    PoolEntryFactory(user=member_user, districts=[district], skills=["Layout"])
    PoolMessageFactory(recipient=member_user)
    sent = PoolMessageFactory(sender=member_user, recipient=superuser)

    member_data_erase(member_user)

    assert not PoolEntry.objects.filter(user=member_user).exists()
    assert not PoolMessage.objects.filter(recipient=member_user).exists()
    sent.refresh_from_db()
    assert sent.sender is None
