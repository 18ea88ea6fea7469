from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from core.health import DATABASE_BACKEND, RQ_BACKEND


class Command(BaseCommand):
    help = (
        "Run the task worker of the configured backend: `db_worker` for the "
        "database queue, `rqworker` with django-tasks-rq's job class for "
        "TASKS_URL=redis://…. systemd, compose and `make staging` all start this."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Run every waiting task, then exit (RQ: burst mode).",
        )

    def handle(self, *args, batch=False, **options):
        backend = settings.TASKS["default"]
        verbosity = options["verbosity"]
        if backend["BACKEND"] == DATABASE_BACKEND:
            call_command("db_worker", batch=batch, reload=False, verbosity=verbosity)
        elif backend["BACKEND"] == RQ_BACKEND:
            call_command(
                "rqworker",
                *(backend.get("QUEUES") or ["default"]),
                job_class="django_tasks_rq.Job",
                burst=batch,
                with_scheduler=True,
                verbosity=verbosity,
            )
        else:
            raise CommandError(
                f"The task backend {backend['BACKEND']} needs no worker: "
                "set TASKS_URL or use production settings."
            )
