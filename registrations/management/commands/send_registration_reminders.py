from django.core.management.base import BaseCommand

from registrations.services import registrations_remind


class Command(BaseCommand):
    help = (
        "Mail a reminder to everyone confirmed for an event or course that starts "
        "tomorrow (Berlin date). Run daily; nobody is reminded twice."
    )

    def handle(self, *args, **options):
        sent = registrations_remind()
        self.stdout.write(self.style.SUCCESS(f"{sent} reminder(s) sent."))
