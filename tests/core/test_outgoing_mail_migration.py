"""``OutgoingMail`` moved from ``home`` to ``core`` without touching its table:
the rows, the content type (and so permissions given on it) and the builder
of mails kept with their text survive the move, and the move can be undone."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("home", "0010_members_collection"), ("core", None)]
AFTER = [("home", "0011_outgoing_mail_to_core"), ("core", "0001_initial")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    nodes = [target for target in targets if target[1] is not None]
    return MigrationExecutor(connection).loader.project_state(nodes).apps


def leaf_targets():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def mails_before_the_move(transactional_db):
    """The database as it was: the model in ``home``, its content type too."""
    apps = migrate(BEFORE)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    OutgoingMail = apps.get_model("home", "OutgoingMail")
    # The test database made the new app's content type already; a site that
    # ran the old code has only home's.
    ContentType.objects.filter(app_label="core", model="outgoingmail").delete()
    content_type, _created = ContentType.objects.get_or_create(
        app_label="home", model="outgoingmail"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_outgoingmail",
        defaults={"name": "Can view outgoing mail"},
    )
    group = Group.objects.create(name="Postausgang lesen")
    group.permissions.add(permission)
    kept = OutgoingMail.objects.create(
        builder="home.outbox.stored_message",
        arguments={"subject": "Bestätigung", "to": ["a@example.org"]},
    )
    queued = OutgoingMail.objects.create(
        builder="members.services.pool.pool_message_relay_message",
        arguments={"message_id": 7},
    )
    yield {
        "content_type_id": content_type.pk,
        "permission_id": permission.pk,
        "kept_id": kept.pk,
        "queued_id": queued.pk,
    }
    migrate(leaf_targets())


pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_move_keeps_rows_content_type_and_permissions(mails_before_the_move):
    before = mails_before_the_move

    apps = migrate(AFTER)

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    OutgoingMail = apps.get_model("core", "OutgoingMail")
    content_type = ContentType.objects.get(pk=before["content_type_id"])
    assert (content_type.app_label, content_type.model) == ("core", "outgoingmail")
    assert not ContentType.objects.filter(app_label="home", model="outgoingmail")
    group = Group.objects.get(name="Postausgang lesen")
    assert list(
        group.permissions.values_list("pk", "content_type__app_label", "codename")
    ) == [(before["permission_id"], "core", "view_outgoingmail")]
    kept = OutgoingMail.objects.get(pk=before["kept_id"])
    assert kept.builder == "core.outbox.stored_message"
    assert kept.arguments == {"subject": "Bestätigung", "to": ["a@example.org"]}
    queued = OutgoingMail.objects.get(pk=before["queued_id"])
    assert queued.builder == "members.services.pool.pool_message_relay_message"
    assert OutgoingMail._meta.db_table == "home_outgoingmail"


def test_the_move_can_be_undone(mails_before_the_move):
    before = mails_before_the_move
    migrate(AFTER)

    apps = migrate(BEFORE)

    ContentType = apps.get_model("contenttypes", "ContentType")
    OutgoingMail = apps.get_model("home", "OutgoingMail")
    content_type = ContentType.objects.get(pk=before["content_type_id"])
    assert content_type.app_label == "home"
    assert OutgoingMail.objects.get(pk=before["kept_id"]).builder == (
        "home.outbox.stored_message"
    )
    assert OutgoingMail.objects.count() == 2
