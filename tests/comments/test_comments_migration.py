"""Moving comments out of ``dialog`` keeps the rows, the content types, the
permissions that groups hold and the reply mails waiting in the outbox."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from comments.models import Comment, CommentReport
from core.models import OutgoingMail
from tests.migration_helpers import outgoing_mail_model

BEFORE = [
    ("dialog", "0013_working_group_open_excludes_members_only"),
    ("comments", None),
]
OLD_BUILDER = "dialog.services.comments.comment_reply_message"


def _migrate(targets):
    """Migrate to ``targets``; the models as the applied migrations have them."""
    MigrationExecutor(connection).migrate(targets)
    executor = MigrationExecutor(connection)
    return executor._create_project_state(with_applied_migrations=True).apps


def _content_types(app_label, **filters):
    return set(
        ContentType.objects.filter(app_label=app_label, **filters).values_list(
            "pk", "model"
        )
    )


def _leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_comments_survive_the_move_with_content_type_and_permissions():
    old = _migrate(BEFORE)
    OldContentType = old.get_model("contenttypes", "ContentType")
    OldPermission = old.get_model("auth", "Permission")
    OldGroup = old.get_model("auth", "Group")
    old_type = OldContentType.objects.get(app_label="dialog", model="comment")
    assert not OldContentType.objects.filter(app_label="comments").exists()
    user = old.get_model("auth", "User").objects.create(username="rosa")
    page = old.get_model("wagtailcore", "Page").objects.order_by("depth").first()
    OldComment = old.get_model("dialog", "Comment")
    comment = OldComment.objects.create(
        page_id=page.pk, author_id=user.pk, body="Gut so.", status="approved"
    )
    reply = OldComment.objects.create(
        page_id=page.pk, author_id=user.pk, parent=comment, body="Ja."
    )
    old.get_model("dialog", "CommentReport").objects.create(
        comment=comment, reporter_id=user.pk, reason="spam"
    )
    press = OldGroup.objects.create(name="Presse (Test)")
    press.permissions.add(
        OldPermission.objects.get(
            content_type=old_type, codename="moderate_all_comments"
        )
    )
    press.user_set.add(user.pk)
    outgoing_mail_model(old).objects.create(
        builder=OLD_BUILDER, arguments={"comment_id": reply.pk}
    )

    _migrate(_leaves())

    moved = ContentType.objects.get(app_label="comments", model="comment")
    assert (moved.pk, moved.app_label) == (old_type.pk, "comments")
    assert not ContentType.objects.filter(app_label="dialog", model="comment").exists()
    assert Comment.objects.get(pk=reply.pk).parent_id == comment.pk
    assert CommentReport.objects.get().comment_id == comment.pk
    member = get_user_model().objects.get(pk=user.pk)
    assert member.has_perm("comments.moderate_all_comments")
    assert Group.objects.get(name="Presse (Test)").permissions.get().content_type == (
        moved
    )
    mail = OutgoingMail.objects.get()
    assert mail.builder == "comments.services.comment_reply_message"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_going_back_returns_the_content_types_to_dialog():
    before = _content_types("comments")

    _migrate(BEFORE)

    assert not _content_types("comments")
    assert _content_types("dialog", model__contains="comment") == before
    _migrate(_leaves())
    assert _content_types("comments") == before
