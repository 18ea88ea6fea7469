"""Publishing a decision briefing that 20,000 subscribers follow.

Builds a throwaway database (a fresh SQLite file unless DATABASE_URL points
elsewhere — never at a database you care about), creates the confirmed
subscribers, then

1. times the admin publish request (Django test client, bulk "publish" action)
   with the database task backend, so the request only enqueues;
2. runs the worker (``db_worker --batch``) until the queue is empty, with a mail
   backend that only counts, and times it.

Goals: request < 300 ms, worker < 2 min.

    .venv/bin/python benchmarks/notification_fanout.py [--subscribers 20000]
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
THROWAWAY = Path(tempfile.gettempdir()) / "mitmachportal-bench-fanout.sqlite3"
if "DATABASE_URL" not in os.environ:
    THROWAWAY.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{THROWAWAY}"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.mail.backends.base import BaseEmailBackend  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from home.factories import site_with_home  # noqa: E402
from news.factories import (  # noqa: E402
    DecisionBriefingPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)
from news.models import BRIEFING_KIND  # noqa: E402
from subscriptions.models import (  # noqa: E402
    CONSENT_VERSION,
    PageNotification,
    Subscriber,
    Subscription,
)


class CountingBackend(BaseEmailBackend):
    """Builds every message completely (as SMTP would), sends nothing, counts."""

    sent = 0

    def send_messages(self, messages):
        for message in messages:
            message.message().as_bytes()
        CountingBackend.sent += len(messages)
        return len(messages)


def build(subscribers):
    call_command("migrate", verbosity=0)
    home = site_with_home()
    news_index = NewsIndexPageFactory(parent=home)
    admin = get_user_model().objects.create_superuser(
        "bench-admin", "bench@example.org", "bench-password-123"
    )
    now = timezone.now()
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"leser{n}@example.org",
                confirmed_at=now,
                consent_version=CONSENT_VERSION,
                consent_given_at=now,
            )
            for n in range(subscribers)
        ],
        batch_size=2000,
    )
    Subscription.objects.bulk_create(
        [
            Subscription(subscriber_id=pk, kind=BRIEFING_KIND)
            for pk in Subscriber.objects.values_list("pk", flat=True)
        ],
        batch_size=2000,
    )
    page = DecisionBriefingPageFactory(
        parent=news_index, title="Haushalt 2027", live=False
    )
    page.save_revision()
    warm_up = NewsArticlePageFactory(parent=news_index, title="Warm-up", live=False)
    warm_up.save_revision()
    return admin, page, warm_up


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=20_000)
    args = parser.parse_args()
    print(f"database: {connection.settings_dict['NAME']} ({connection.vendor})")

    started = time.perf_counter()
    admin, page, warm_up = build(args.subscribers)
    print(
        f"set-up: {args.subscribers} subscribers in "
        f"{time.perf_counter() - started:.1f} s"
    )

    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
        EMAIL_BACKEND="__main__.CountingBackend",
        DEBUG=False,
    ):
        client = Client(HTTP_HOST="localhost")
        client.force_login(admin)
        # The first request of a process loads templates and URL patterns; an
        # article nobody follows takes that cost.
        client.post(f"/admin/bulk/wagtailcore/page/publish/?id={warm_up.pk}")
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.post(
                f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}"
            )
            request_ms = (time.perf_counter() - started) * 1000
        assert response.status_code == 302, response.status_code
        ours = sum(
            1
            for query in queries.captured_queries
            if "news_pagenotification" in query["sql"]
        )
        print(
            f"publish request: {request_ms:.0f} ms, {len(queries)} queries "
            f"({ours} on news_pagenotification), "
            f"{CountingBackend.sent} mails sent by the request (goal < 300 ms)"
        )

        started = time.perf_counter()
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
        worker_s = time.perf_counter() - started

    notification = PageNotification.objects.get(page=page)
    print(
        f"worker: {worker_s:.1f} s for {CountingBackend.sent} mails "
        f"(sent {notification.sent} / total {notification.total} / failed "
        f"{notification.failed}, status {notification.status}) (goal < 120 s)"
    )


if __name__ == "__main__":
    main()
