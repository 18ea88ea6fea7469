import datetime
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from demo.load_data import LoadDataExists, LoadPlan, generate
from home.models import HomePage


class Command(BaseCommand):
    help = (
        "Add party-scale load data to the demo portal for benchmarks: scale 1 is "
        "10,000 pages (news, decision briefings, events, courses), 100,000 "
        "comments, 20,000 subscribers, 5,000 members and 50,000 registrations. "
        "The same seed gives the same data. Loads the demo first if the site is "
        "empty; refuses to run twice on one database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1.0, help="1 = 10,000 pages (default)."
        )
        parser.add_argument(
            "--seed", type=int, default=2026, help="Random seed (default 2026)."
        )
        parser.add_argument(
            "--anchor",
            type=datetime.date.fromisoformat,
            default=None,
            help="Date the generated dates lie around (YYYY-MM-DD; default today).",
        )

    def handle(self, *args, scale, seed, anchor, **options):
        if scale <= 0:
            raise CommandError("--scale must be greater than 0.")
        started = time.monotonic()
        if not HomePage.objects.exists():
            call_command("load_demo", verbosity=0, stdout=self.stdout)
        self.stdout.write(f"Generating {LoadPlan.for_scale(scale).as_dict()} …")
        try:
            counts, seconds = generate(scale=scale, seed=seed, anchor=anchor)
        except LoadDataExists as error:
            raise CommandError(
                "This database already holds load data; use a fresh database."
            ) from error
        elapsed = time.monotonic() - started
        for name, count in counts.items():
            self.stdout.write(f"  {name:<16} {count}")
        self.stdout.write(
            "Seconds: " + ", ".join(f"{name} {s}" for name, s in seconds.items())
        )
        self.stdout.write(
            self.style.SUCCESS(f"Load data (scale {scale:g}) in {elapsed:.1f} s.")
        )
