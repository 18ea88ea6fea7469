"""Subscriptions moved to the ``subscriptions`` app; the tables stay.

State only: ``subscriptions/0001`` took the models over with their tables
and renamed the content types; the tracker's status mails point there
(``tracker/0004``) before they leave news' state here.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0007_delivery_retries"),
        ("subscriptions", "0001_initial"),
        ("tracker", "0004_status_mail_subscriber_moved"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Delivery"),
                migrations.DeleteModel(name="Subscription"),
                migrations.DeleteModel(name="PageNotification"),
                migrations.DeleteModel(name="Subscriber"),
            ],
        ),
    ]
