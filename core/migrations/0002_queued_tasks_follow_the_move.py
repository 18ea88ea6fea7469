"""Tasks queued in the database under ``home.tasks`` run from core now.

The task functions moved next to what they run (``core.outbox``,
``core.renditions``, ``core.file_protection``, ``core.retention``); a task
queued before the deploy names its old path and would fail to import.
"""

from django.db import migrations

MOVED = {
    "home.tasks.outgoing_mail_send": "core.outbox.outgoing_mail_send",
    "home.tasks.outgoing_mails_sweep": "core.outbox.outgoing_mails_sweep_task",
    "home.tasks.renditions_generate": "core.renditions.renditions_generate",
    "home.tasks.page_tree_files_protect_task": (
        "core.file_protection.page_tree_files_protect_task"
    ),
    "home.tasks.retention_apply_task": "core.retention.retention_apply_task",
}


def _rename(apps, schema_editor, pairs):
    TaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    db = schema_editor.connection.alias
    for old, new in pairs:
        TaskResult.objects.using(db).filter(task_path=old).update(task_path=new)


def forward(apps, schema_editor):
    _rename(apps, schema_editor, MOVED.items())


def backward(apps, schema_editor):
    _rename(apps, schema_editor, [(new, old) for old, new in MOVED.items()])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("django_tasks_database", "0001_initial"),
    ]

    operations = [migrations.RunPython(forward, backward)]
