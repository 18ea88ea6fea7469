from django.core.management.base import BaseCommand

from subscriptions.models import Frequency
from tracker.services.notifications import status_digests_send, status_mails_resume


class Command(BaseCommand):
    help = (
        "Send the daily or weekly digest of coalition-agreement status changes "
        "(each change reaches a subscriber once) and send the immediate status mails "
        "a dead worker left behind or the mail server deferred. Run it from cron "
        "next to news' send_digests."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            required=True,
            choices=[Frequency.DAILY, Frequency.WEEKLY],
            help="Which digest to send.",
        )

    def handle(self, *args, frequency, **options):
        resumed = status_mails_resume()
        sent = status_digests_send(frequency=frequency)
        self.stdout.write(
            self.style.SUCCESS(
                f"Sent {sent} {frequency} status digest(s); "
                f"{resumed} interrupted or deferred status mail(s) sent."
            )
        )
