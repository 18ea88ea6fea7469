"""Django-side steps of ``benchmarks/run.py``: run in the benchmark's environment
(production settings, the throwaway database), each prints one JSON object.

    python benchmarks/fixtures.py urls
    python benchmarks/fixtures.py burst SEATS PEOPLE
    python benchmarks/fixtures.py burst-result PAGE_ID
    python benchmarks/fixtures.py image-pages
    python benchmarks/fixtures.py drop-other-tasks
    python benchmarks/fixtures.py renditions IMAGE_ID…
    python benchmarks/fixtures.py forget-renditions IMAGE_ID
    python benchmarks/fixtures.py forget-fragments
"""

import io
import json
import os
import secrets
import sys
from datetime import timedelta
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.core.files.images import ImageFile  # noqa: E402
from django.db import transaction  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.images.models import Rendition  # noqa: E402

from demo.load_data import USERNAME_PREFIX  # noqa: E402
from dialog.factories import EventPageFactory  # noqa: E402
from dialog.models import EventIndexPage, EventPage  # noqa: E402
from education.models import CoursePage  # noqa: E402
from home.factories import paragraph  # noqa: E402
from news.factories import NewsArticlePageFactory  # noqa: E402
from news.models import DecisionBriefingPage, NewsArticlePage, NewsIndexPage  # noqa: E402
from registrations.models import Registration, RegistrationMode  # noqa: E402


def _first(model):
    return model.objects.live().public().filter(slug__startswith="lt-").first()


def urls():
    return {
        "home": "/",
        "calendar (filtered)": "/kalender/?kind=stammtisch&kind=info_evening"
        "&event_format=onsite",
        "article": _first(NewsArticlePage).url,
        "briefing": _first(DecisionBriefingPage).url,
        "course": _first(CoursePage).url,
        "search": "/suche/?q=Mietendeckel",
    }


def burst(seats: int, people: int):
    """An event with ``seats`` seats and ``people`` logged-in members to register."""
    parent = EventIndexPage.objects.first()
    start = timezone.now() + timedelta(days=30)
    with transaction.atomic():
        event = EventPageFactory(
            parent=parent,
            title="Basiskonferenz Lasttest",
            slug=f"basiskonferenz-lasttest-{secrets.token_hex(3)}",
            start=start,
            end=start + timedelta(hours=3),
            registration_mode=RegistrationMode.MEMBERS,
            capacity=seats,
            event_format="online",
            online_link="https://konferenz.example.org/b/lasttest",
        )
    users = (
        get_user_model()
        .objects.filter(username__startswith=USERNAME_PREFIX)
        .order_by("pk")[:people]
    )
    store = import_module(settings.SESSION_ENGINE).SessionStore
    sessions = []
    for user in users:
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
    return {
        "page_id": event.pk,
        "url": reverse("registrations:registration_form", args=[event.pk]),
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "sessions": sessions,
    }


def burst_result(page_id: int):
    registrations = Registration.objects.filter(page_id=page_id)
    page = EventPage.objects.get(pk=page_id)
    return {
        status: registrations.filter(status=status).count()
        for status in Registration.Status.values
    } | {"capacity": page.capacity}


def _photo(seed: int) -> bytes:
    """A 2400×1600 JPEG: big enough that resizing it costs what a photo costs."""
    picture = Image.radial_gradient("L").resize((2400, 1600)).convert("RGB")
    draw = ImageDraw.Draw(picture)
    for i in range(60):
        x, y = (seed * 131 + i * 397) % 2400, (seed * 71 + i * 233) % 1600
        draw.ellipse((x, y, x + 120, y + 90), fill=((i * 37) % 255, 90, 160))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=90)
    return out.getvalue()


def image_pages():
    """Two new articles with a new photo each, published as an editor would."""
    parent = NewsIndexPage.objects.first()
    pages = []
    for number in (1, 2):
        with transaction.atomic():
            image = get_image_model().objects.create(
                title=f"Lasttest-Foto {number}",
                file=ImageFile(
                    io.BytesIO(_photo(number)), name=f"lasttest-{number}.jpg"
                ),
            )
        with transaction.atomic():
            article = NewsArticlePageFactory(
                parent=parent,
                title=f"Lasttest mit Foto {number}",
                slug=f"lasttest-foto-{number}-{secrets.token_hex(3)}",
                image=image,
                listing_image=image,
                body=[
                    paragraph("Ein neuer Artikel mit einem großen Foto."),
                    {
                        "type": "image",
                        "value": {
                            "image": image.pk,
                            "decorative": True,
                            "alt_text": "",
                        },
                    },
                ],
            )
            article.save_revision().publish()
        pages.append({"url": article.url, "image_id": image.pk})
    return {"pages": pages}


def drop_other_tasks():
    """Leave only the rendition tasks for the worker: mails to 20,000 subscribers
    are measured by ``benchmarks/notification_fanout.py``, and the search and
    reference index updates queued while loading the demo do not matter here."""
    queued = DBTaskResult.objects.filter(status="READY").exclude(
        task_path="core.renditions.renditions_generate"
    )
    deleted, _ = queued.delete()
    return {"deleted": deleted}


def renditions(*image_ids):
    return {"count": Rendition.objects.filter(image_id__in=image_ids).count()}


def forget_renditions(image_id):
    """The control: the same page as if nothing had made renditions ahead.

    Only these renditions leave the cache: emptying the whole cache here made
    the measured page's first view rebuild every shared entry (restrictions,
    navigation, site root paths, footer) and tripled its time.
    """
    renditions = Rendition.objects.filter(image_id=image_id).select_related("image")
    for rendition in renditions:
        rendition.purge_from_cache()
    deleted, _ = renditions.delete()
    return {"deleted": deleted}


def forget_fragments():
    """What any publish does to the fragment caches: lists and pages re-render.

    The page's next view is rendered afresh, as its first view was, but finds
    its photo's renditions and the image records as a later view would.
    """
    from core.caching import lists_changed

    lists_changed()
    return {"forgotten": "page-lists"}


STEPS = {
    "urls": urls,
    "burst": lambda seats, people: burst(int(seats), int(people)),
    "burst-result": lambda page_id: burst_result(int(page_id)),
    "image-pages": image_pages,
    "drop-other-tasks": drop_other_tasks,
    "renditions": lambda *ids: renditions(*map(int, ids)),
    "forget-renditions": lambda image_id: forget_renditions(int(image_id)),
    "forget-fragments": forget_fragments,
}

if __name__ == "__main__":
    step, *args = sys.argv[1:]
    print(json.dumps(STEPS[step](*args)))
