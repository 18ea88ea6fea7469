import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from core.roles import roles_sync
from demo import accounts, content, district_data, onboarding, pool, surveys
from demo.builders import (
    DEMO_HOSTNAME,
    DEMO_PORT,
    DemoBuilder,
    demo_counts,
    demo_reset,
)
from demo.channels import channels_load
from demo.comments import demo_comments
from demo.subscriptions import load_subscriptions
from demo.tracker import load as tracker_load
from demo.translations import translate_demo


class Command(BaseCommand):
    help = (
        "Load the German demo portal: site, districts, topics, venues, news, decision "
        "briefings, events, courses and demo users. Safe to run again: existing "
        "objects are updated, nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo page tree, topics, venues, images and documents "
            "first.",
        )
        parser.add_argument(
            "--rebuild-index",
            action="store_true",
            help="Rebuild the whole search index afterwards (pages are already "
            "indexed as they are saved).",
        )

        parser.add_argument(
            "--host",
            default=DEMO_HOSTNAME,
            help="Host name the demo is served on (share links, calendar and "
            "handout addresses); `make run` passes its HOST.",
        )
        parser.add_argument(
            "--port",
            type=int,
            default=DEMO_PORT,
            help="Port the demo is served on; `make run` passes its PORT.",
        )

    def handle(
        self,
        *args,
        reset=False,
        rebuild_index=False,
        verbosity=1,
        host=DEMO_HOSTNAME,
        port=DEMO_PORT,
        **options,
    ):
        started = time.monotonic()
        with transaction.atomic():
            if reset:
                demo_reset()
                self.stdout.write(
                    self.style.WARNING("Deleted the previous demo content.")
                )
            outcomes = DemoBuilder(hostname=host, port=port).build()
            accounts.build_accounts(outcomes)
            onboarding.load(outcomes)
            demo_comments()
            load_subscriptions()
            surveys.load(outcomes)
            district_data.load(outcomes)
            pool.load()
            outcomes["updated"] += channels_load()
            outcomes["created"] += tracker_load()
            outcomes["translations:updated"] = translate_demo()
            roles_sync()
        if rebuild_index:
            call_command("update_index", verbosity=0)
        elapsed = time.monotonic() - started

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo loaded in {elapsed:.1f} s: {outcomes['created']} created, "
                f"{outcomes['updated']} updated, {outcomes['unchanged']} unchanged."
            )
        )
        if verbosity > 1:
            for key, value in sorted(outcomes.items()):
                if ":" in key:
                    self.stdout.write(f"  {key}: {value}")
        self.stdout.write("Contents:")
        for name, count in demo_counts().items():
            self.stdout.write(f"  {name:<24} {count}")
        self.stdout.write(
            self.style.SUCCESS("Development logins (never use in production):")
        )
        for username, password, *_rest in [*content.USERS, surveys.CALLER]:
            self.stdout.write(f"  {username:<16} {password}")
        self.stdout.write(f"Open http://{host}:{port}/ and http://{host}:{port}/admin/")
