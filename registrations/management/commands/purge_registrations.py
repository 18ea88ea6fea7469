from django.core.management.base import BaseCommand

from registrations.services import registrations_apply_retention


class Command(BaseCommand):
    help = (
        "Only the registration part of apply_retention: remove the personal data "
        "of registrations 30 days after the event or course ended (the row stays, "
        "anonymised, for seat figures), of cancelled or lapsed ones 30 days after "
        "they ended, and delete guest registrations never confirmed after 7 days. "
        "Working-group members stay while they are active."
    )

    def handle(self, *args, **options):
        counts = registrations_apply_retention()
        self.stdout.write(
            self.style.SUCCESS(
                f"{counts['registrations_anonymised']} registration(s) anonymised, "
                f"{counts['guests_unconfirmed_deleted']} unconfirmed guest "
                "registration(s) deleted."
            )
        )
