from datetime import timedelta

from django.core.management.base import BaseCommand

from subscriptions.services.notifications import DELIVERIES
from subscriptions.tasks import notifications_resume


class Command(BaseCommand):
    help = (
        "Resume notification sends whose worker died: deliveries claimed longer ago "
        "than --minutes go back to the queue and their sends are enqueued again. "
        "Run it from cron every few minutes next to `manage.py db_worker`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes",
            type=int,
            default=int(DELIVERIES.stale_after.total_seconds() // 60),
            help="Treat a send as stalled after this many minutes without progress.",
        )

    def handle(self, *args, minutes, **options):
        resumed = notifications_resume(stale_after=timedelta(minutes=minutes))
        self.stdout.write(self.style.SUCCESS(f"Resumed {resumed} stalled send(s)."))
