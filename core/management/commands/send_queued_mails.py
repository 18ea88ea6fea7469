from datetime import timedelta

from django.core.management.base import BaseCommand

from core.outbox import STALE_AFTER, outgoing_mails_sweep


class Command(BaseCommand):
    help = (
        "Send the mails the mail server refused before (registrations, comment "
        "replies) once they are due again; mails claimed longer ago than --minutes "
        "by a worker that died go back to the queue. Run it from cron every few "
        "minutes next to `manage.py db_worker`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes",
            type=int,
            default=int(STALE_AFTER.total_seconds() // 60),
            help="Take back mails a worker claimed this many minutes ago.",
        )

    def handle(self, *args, minutes, **options):
        sent = outgoing_mails_sweep(stale_after=timedelta(minutes=minutes))
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} queued mail(s)."))
