import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import (
    ENCRYPTED_SUFFIX,
    BackupError,
    backup_restore,
    backup_restore_encrypted,
)


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` (a folder, or an encrypted "
        "<timestamp>.tar.age with --identity / BACKUP_AGE_IDENTITY_FILE): "
        "replaces the database's contents and the media. Stop the app servers "
        "and workers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup, e.g. var/backups/2026…")
        parser.add_argument(
            "--identity",
            default=os.environ.get("BACKUP_AGE_IDENTITY_FILE", ""),
            help="age identity (private key) file for an encrypted backup.",
        )
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask for confirmation."
        )

    def handle(self, *args, backup, identity="", yes=False, **options):
        encrypted = backup.endswith(ENCRYPTED_SUFFIX)
        if encrypted and not identity:
            raise CommandError(
                "An encrypted backup needs the age identity: --identity FILE "
                "or BACKUP_AGE_IDENTITY_FILE."
            )
        if not yes:
            answer = input(f"Replace the database and media with {backup}? [y/N] ")
            if answer.strip().lower() not in {"y", "yes", "j", "ja"}:
                raise CommandError("Cancelled.")
        try:
            if encrypted:
                backup_restore_encrypted(source=Path(backup), identity=Path(identity))
            else:
                backup_restore(source=Path(backup))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {backup}"))
