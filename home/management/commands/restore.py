from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup folder made by `manage.py backup`: replaces the "
        "database's contents and the media folder. Stop the app servers and "
        "workers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup folder, e.g. var/backups/2026…")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask for confirmation."
        )

    def handle(self, *args, backup, yes=False, **options):
        if not yes:
            answer = input(f"Replace the database and media with {backup}? [y/N] ")
            if answer.strip().lower() not in {"y", "yes", "j", "ja"}:
                raise CommandError("Cancelled.")
        try:
            backup_restore(source=Path(backup))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {backup}"))
