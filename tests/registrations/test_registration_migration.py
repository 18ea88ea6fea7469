"""Moving registrations out of dialog keeps rows, content type and permissions."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from core.models import OutgoingMail
from registrations.models import Registration
from registrations.services import MESSAGE_BUILDER
from tests.migration_helpers import migrate_to, migrate_to_latest, outgoing_mail_model

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [
    ("dialog", "0013_working_group_open_excludes_members_only"),
    ("registrations", None),
]
AFTER = [("registrations", "0001_initial")]
OLD_BUILDER = "dialog.services.registrations.registration_message"


@pytest.fixture
def moved_back(home_page, make_user):
    """The database as it was before the move, with a registration and a group
    allowed to see registrations."""
    user = make_user("organiserin")
    apps = migrate_to(BEFORE)
    yield apps, home_page, user
    migrate_to_latest()


def test_the_rows_the_content_type_and_a_groups_permission_survive(moved_back):
    apps, page, user = moved_back
    OldRegistration = apps.get_model("dialog", "Registration")
    OldContentType = apps.get_model("contenttypes", "ContentType")
    OldPermission = apps.get_model("auth", "Permission")
    OldGroup = apps.get_model("auth", "Group")
    OldMail = outgoing_mail_model(apps)
    old_type = OldContentType.objects.get(app_label="dialog", model="registration")
    registration = OldRegistration.objects.create(
        page_id=page.pk, name="Rosa", email="rosa@example.org", status="confirmed"
    )
    group = OldGroup.objects.create(name="Anmeldungen")
    group.permissions.add(
        OldPermission.objects.get(content_type=old_type, codename="view_registration")
    )
    group.user_set.add(user.pk)
    mail = OldMail.objects.create(
        builder=OLD_BUILDER, arguments={"registration_id": registration.pk}
    )

    migrate_to(AFTER)

    moved = Registration.objects.get(pk=registration.pk)
    assert (moved.name, moved.email, moved.page_id) == (
        "Rosa",
        "rosa@example.org",
        page.pk,
    )
    content_type = ContentType.objects.get_for_model(Registration)
    assert content_type.pk == old_type.pk
    assert content_type.app_label == "registrations"
    assert not ContentType.objects.filter(
        app_label="dialog", model="registration"
    ).exists()
    permission = Group.objects.get(name="Anmeldungen").permissions.get()
    assert (permission.content_type_id, permission.codename) == (
        old_type.pk,
        "view_registration",
    )
    user.refresh_from_db()
    assert user.has_perm("registrations.view_registration")
    assert OutgoingMail.objects.get(pk=mail.pk).builder == MESSAGE_BUILDER


def test_migrating_back_restores_the_dialog_names(home_page):
    migrate_to(BEFORE)
    try:
        assert ContentType.objects.filter(
            app_label="dialog", model="registration"
        ).exists()
        assert not ContentType.objects.filter(app_label="registrations").exists()
        assert Permission.objects.filter(
            content_type__app_label="dialog", codename="view_registration"
        ).exists()
    finally:
        migrate_to_latest()
