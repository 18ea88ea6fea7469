from django.core.management.base import BaseCommand

from tracker.services.evaluation import FLUSH_DAYS, usage_counts_flush


class Command(BaseCommand):
    help = (
        "Move the usage counters of briefings, feeds and calendars from the cache "
        "into the evaluation's daily totals. Safe to run any time and twice; run it "
        "from cron every few minutes (busy sites also flush from requests)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=FLUSH_DAYS,
            help="How many days back to flush, today included.",
        )

    def handle(self, *args, days, **options):
        added = usage_counts_flush(days=days)
        self.stdout.write(self.style.SUCCESS(f"Flushed {added} count(s)."))
