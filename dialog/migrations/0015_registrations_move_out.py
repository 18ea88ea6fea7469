"""Registrations moved to the ``registrations`` app; the table stays.

State only: ``registrations/0001`` takes the model over with its table
``dialog_registration`` and renames the content type.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dialog", "0014_comments_surveys_move_out"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Registration")],
        ),
    ]
