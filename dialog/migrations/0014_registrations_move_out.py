"""Registrations moved to the ``registrations`` app; the table stays.

State only: ``registrations/0001`` takes the model over with its table
``dialog_registration`` and renames the content type.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dialog", "0013_working_group_open_excludes_members_only"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Registration")],
        ),
    ]
