"""Redis down: the production cache settings keep every page and form working.

The fault is real: the cache is django-redis with production's options
(``portal.settings.caches``) pointed at a local port nobody listens on, the
page cache is on and sessions use production's ``cached_db`` engine.
"""

import pytest
from django.urls import reverse

from comments.models import Comment
from dialog.factories import ForumPageFactory
from members.factories import VerifiedEmailFactory
from news.factories import NewsArticlePageFactory
from portal.settings.caches import REDIS_SESSION_ENGINE, redis_caches
from registrations.models import Registration, RegistrationMode
from tests.conftest import PASSWORD
from tests.portal.faults import closed_port
from tests.registrations.registration_helpers import (
    GUEST,
    register_url,
    registrable_event,
)
from tests.utils import human_form_fields

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def redis_down(settings):
    settings.CACHES = redis_caches(
        f"redis://127.0.0.1:{closed_port()}/2", key_prefix="faults"
    )
    settings.SESSION_ENGINE = REDIS_SESSION_ENGINE
    settings.PORTAL_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def article(news_index):
    return NewsArticlePageFactory(parent=news_index, title="Mietendeckel jetzt")


@pytest.fixture
def open_forum(home_page):
    return ForumPageFactory(
        parent=home_page, comments_mode="logged_in", moderation="post"
    )


def test_the_cache_really_is_unreachable():
    from django.core.cache import cache

    with pytest.raises(Exception):  # noqa: B017, PT011 - any client error
        cache.client.get_client().ping()


@pytest.mark.parametrize("repeat", [1, 2])
def test_home_page_is_served_without_the_page_cache(client, home_page, repeat):
    for _ in range(repeat):
        response = client.get("/")

        assert response.status_code == 200
        assert response["X-Page-Cache"] == "miss"


def test_article_is_served(client, article):
    response = client.get(article.url)

    assert response.status_code == 200
    assert "Mietendeckel jetzt" in response.text


def test_briefing_is_served(client, public_briefing):
    response = client.get(public_briefing.url)

    assert response.status_code == 200
    assert public_briefing.title in response.text


def test_calendar_is_served(client, event_index):
    registrable_event(event_index, title="Roter Stammtisch")

    response = client.get(event_index.url)

    assert response.status_code == 200
    assert "Roter Stammtisch" in response.text


def test_search_answers(client, article):
    response = client.get("/suche/", {"q": "Mietendeckel"})

    assert response.status_code == 200


def test_login_page_and_login_work(client, member_user):
    VerifiedEmailFactory(user=member_user)
    login_url = reverse("members:login")

    page = client.get(login_url)
    response = client.post(
        login_url, {"login": member_user.email, "password": PASSWORD}
    )

    assert page.status_code == 200
    assert response.status_code == 302
    assert client.get("/").context["user"] == member_user


def test_a_member_stays_logged_in_on_the_database_session(client, member_user):
    client.force_login(member_user)

    first = client.get("/")
    second = client.get("/")

    assert first.status_code == second.status_code == 200
    assert second.context["user"] == member_user
    assert "private" in second["Cache-Control"]


def test_a_comment_is_written(client, member_user, open_forum):
    client.force_login(member_user)

    response = client.post(
        reverse("comments:comment_create", args=[open_forum.pk]),
        {"body": "Mehr Busse für den Stadtrand"},
        follow=True,
    )

    assert response.status_code == 200
    assert Comment.objects.filter(body="Mehr Busse für den Stadtrand").exists()
    assert "Mehr Busse für den Stadtrand" in response.text


def test_a_guest_registration_is_stored(client, event_index):
    council = registrable_event(
        event_index, registration_mode=RegistrationMode.OPEN, capacity=5
    )

    response = client.post(register_url(council), GUEST, follow=True)

    assert response.status_code == 200
    assert Registration.objects.filter(email="hanna@example.org").exists()
    assert "Fast geschafft" in response.text


def test_a_subscription_request_still_sends_its_mail(client, home_page, mailoutbox):
    response = client.post(
        reverse("subscriptions:subscription_subscribe"),
        {
            "email": "leser@example.org",
            "kinds": ["briefing"],
            "frequency": "immediate",
            "consent": "on",
            **human_form_fields("subscribe"),
        },
    )

    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [["leser@example.org"]]


def test_healthz_reports_the_cache_down(client):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"] == {"status": "error"}
    assert response.json()["database"] == {"status": "ok"}
