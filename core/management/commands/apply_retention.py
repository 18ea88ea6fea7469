from django.core.management.base import BaseCommand

from core.retention import retention_apply, retention_apply_task


class Command(BaseCommand):
    help = (
        "Delete or anonymise personal data whose retention period is over "
        "(registrations 30 days after the event, unconfirmed guest registrations "
        "and subscriptions after 7 days, expired sessions). Idempotent; run daily "
        "from cron. With --enqueue the task worker does it instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the background task worker and return at once.",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = retention_apply_task.enqueue()
            self.stdout.write(self.style.SUCCESS(f"Enqueued task {result.id}."))
            return
        counts = retention_apply()
        for what, count in sorted(counts.items()):
            self.stdout.write(f"{what}: {count}")
        self.stdout.write(self.style.SUCCESS("Retention applied."))
