from django.core.management.base import BaseCommand

from core.roles import roles_sync


class Command(BaseCommand):
    help = (
        "Grant every role the permissions of the pages and tools that exist now: "
        "a Bezirksredaktion group per district page, the coordination tools for "
        "Koordination and the state office, press permissions on the news "
        "sections and the second-approval workflow for briefings. Repeatable; run "
        "it after deploying a feature that adds permissions."
    )

    def handle(self, *args, **options):
        report = roles_sync()
        for key, values in report.items():
            values = values if isinstance(values, list) else [values]
            listed = ", ".join(str(value) for value in values) or "-"
            self.stdout.write(self.style.SUCCESS(f"{key}: {listed}"))
