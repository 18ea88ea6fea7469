"""Working-group memberships and coordinator roles in export and erasure."""

import json

from django.core.serializers.json import DjangoJSONEncoder

from dialog.factories import (
    WorkingGroupPageFactory,
)
from dialog.models import WorkingGroupCoordinator
from members.privacy import member_data_erase, member_data_export
from registrations.factories import RegistrationFactory
from registrations.models import Registration


def test_export_lists_groups_joined_and_coordinated(home_page, member_user):
    group = WorkingGroupPageFactory(parent=home_page, title="AG Mieten")
    led = WorkingGroupPageFactory(parent=home_page, title="AG Bildung")
    RegistrationFactory(page=group, user=member_user, name="", email="")
    WorkingGroupCoordinator.objects.create(page=led, user=member_user)

    data = member_data_export(member_user)["working_groups"]

    assert [m["group"] for m in data["memberships"]] == ["AG Mieten"]
    assert data["coordinates"] == ["AG Bildung"]
    json.dumps(data, cls=DjangoJSONEncoder)


def test_erasure_ends_group_memberships_and_removes_coordinator_roles(
    home_page, member_user, make_user
):
    group = WorkingGroupPageFactory(parent=home_page)
    RegistrationFactory(page=group, user=member_user, name="", email="")
    other = RegistrationFactory(page=group, user=make_user("andere"), name="", email="")
    WorkingGroupCoordinator.objects.create(page=group, user=member_user)

    member_data_erase(member_user)

    assert list(Registration.objects.filter(page=group).active()) == [other]
    left = Registration.objects.get(page=group, anonymised_at__isnull=False)
    assert (left.user, left.status) == (None, "cancelled")  # counted, nameless
    assert not WorkingGroupCoordinator.objects.exists()
