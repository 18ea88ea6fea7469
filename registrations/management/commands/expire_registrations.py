from django.core.management.base import BaseCommand

from registrations.services import (
    guest_registrations_expire,
    waitlist_offers_expire,
)


class Command(BaseCommand):
    help = (
        "Expire seat offers not accepted within 48 hours (offering the seat to the "
        "next person waiting) and guest registrations not confirmed within 48 "
        "hours. Run every few minutes or hourly."
    )

    def handle(self, *args, **options):
        offers = waitlist_offers_expire()
        guests = guest_registrations_expire()
        self.stdout.write(
            self.style.SUCCESS(
                f"{offers} offer(s) and {guests} unconfirmed guest registration(s) "
                "expired."
            )
        )
