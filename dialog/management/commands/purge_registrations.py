from django.core.management.base import BaseCommand

from dialog.services.registrations import registrations_purge


class Command(BaseCommand):
    help = (
        "Delete registrations 90 days after the event or course started, and "
        "cancelled or lapsed ones 90 days after they ended: registrations reveal "
        "political opinion and are kept no longer than needed. Run daily."
    )

    def handle(self, *args, **options):
        deleted = registrations_purge()
        self.stdout.write(self.style.SUCCESS(f"{deleted} registration(s) deleted."))
