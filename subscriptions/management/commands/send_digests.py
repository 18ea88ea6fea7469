from django.core.management.base import BaseCommand

from subscriptions.models import Frequency
from subscriptions.services import digests_send


class Command(BaseCommand):
    help = (
        "Send the daily or weekly digest mails: every pending page of that "
        "frequency goes to its subscriber in exactly one digest. Run it from cron, "
        "e.g. daily at 7:00 and weekly on Monday at 7:00."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            required=True,
            choices=[Frequency.DAILY, Frequency.WEEKLY],
            help="Which digest to send.",
        )

    def handle(self, *args, frequency, **options):
        sent = digests_send(frequency=frequency)
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} {frequency} digest(s)."))
