from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backups import (
    BackupError,
    backup_copy_to_store,
    backup_create,
    backups_prune,
)


class Command(BaseCommand):
    help = (
        "Back up the PostgreSQL database (pg_dump, custom format) and the media "
        "into a new folder below --root (default var/backups); with an age "
        "recipient (BACKUP_AGE_RECIPIENT) into one encrypted <timestamp>.tar.age. "
        "Production refuses an unencrypted backup unless --plain is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--root",
            default=str(Path(settings.BASE_DIR) / "var" / "backups"),
            help="Folder that receives one backup per run.",
        )
        parser.add_argument(
            "--recipient",
            default=settings.BACKUP_AGE_RECIPIENT,
            help="age public key (age1…) to encrypt for; default BACKUP_AGE_RECIPIENT.",
        )
        parser.add_argument(
            "--plain",
            action="store_true",
            help="Write an unencrypted backup even where encryption is required.",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=settings.BACKUP_KEEP,
            help="Keep only this many newest backups (0: all); default BACKUP_KEEP.",
        )

    def handle(self, *args, root, recipient, plain=False, keep=0, **options):
        if not recipient and settings.BACKUP_REQUIRE_ENCRYPTION and not plain:
            raise CommandError(
                "Refusing to write an unencrypted backup of personal data: set "
                "BACKUP_AGE_RECIPIENT (age public key) or pass --plain."
            )
        prefix = settings.BACKUP_S3_PREFIX
        try:
            target = backup_create(root=Path(root), recipient=recipient)
            if recipient and prefix and settings.S3_BUCKET:
                stored = backup_copy_to_store(backup=target, prefix=prefix)
                self.stdout.write(f"Copied to the object store as {stored}")
            removed = backups_prune(root=Path(root), keep=keep, prefix=prefix)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for path in removed:
            self.stdout.write(f"Removed old backup {path}")
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))
