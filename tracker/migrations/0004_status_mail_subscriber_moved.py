"""Subscribers moved from ``news`` to ``subscriptions``; the column stays.

State only: the foreign key names the model in its new app, the table and
the constraint in the database are the same.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0001_initial"),
        ("tracker", "0003_status_mail_retries"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="statusmail",
                    name="subscriber",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="subscriptions.subscriber",
                        verbose_name="subscriber",
                    ),
                ),
            ],
        ),
    ]
