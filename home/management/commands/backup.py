from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the PostgreSQL database (pg_dump, custom format) and the media "
        "folder into a new folder below --root (default var/backups)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--root",
            default=str(Path(settings.BASE_DIR) / "var" / "backups"),
            help="Folder that receives one sub-folder per backup.",
        )

    def handle(self, *args, root, **options):
        try:
            target = backup_create(root=Path(root))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))
