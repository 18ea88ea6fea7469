from django.core.management.base import BaseCommand

from home.services import legal_pages_ensure


class Command(BaseCommand):
    help = (
        "Create the privacy page and the accessibility statement as drafts under "
        "the home page if the site has none (a site that never ran load_demo). "
        "An editor completes, publishes and chooses them in the site settings. "
        "Repeatable; run it after every deploy."
    )

    def handle(self, *args, **options):
        created = legal_pages_ensure()
        for page in created:
            self.stdout.write(self.style.WARNING(f"draft created: {page.title}"))
        if not created:
            self.stdout.write(self.style.SUCCESS("nothing to create"))
