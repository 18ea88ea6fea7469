from datetime import timedelta

from django.core.management.base import BaseCommand

from tracker.services.notifications import STATUS_MAILS, status_mails_resume


class Command(BaseCommand):
    help = (
        "Send the immediate status mails that are due: those a dead worker left "
        "claimed longer ago than --minutes and those the mail server deferred. "
        "Run it from cron every few minutes next to `resume_notifications`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes",
            type=int,
            default=int(STATUS_MAILS.stale_after.total_seconds() // 60),
            help="Treat a claimed mail as abandoned after this many minutes.",
        )

    def handle(self, *args, minutes, **options):
        sent = status_mails_resume(stale_after=timedelta(minutes=minutes))
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} waiting status mail(s)."))
