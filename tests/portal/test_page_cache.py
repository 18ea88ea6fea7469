"""Anonymous pages come from the page cache; members never get a cached or a
shared answer; publishing, unpublishing, moving and approving show at once."""

import time

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import PageViewRestriction

from comments.factories import CommentFactory
from dialog.factories import EventPageFactory, ForumPageFactory
from home.factories import StandardPageFactory, TopicFactory, translation_of
from news.factories import DecisionBriefingPageFactory, NewsArticlePageFactory
from tests.portal import recording_frontend_cache
from tests.utils import in_days


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {
            "BACKEND": "tests.portal.recording_frontend_cache.RecordingBackend"
        }
    }
    recording_frontend_cache.PURGED.clear()


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish the page's latest state as an editor does, running the purges."""

    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return run


def cache_state(response):
    return response.headers.get("X-Page-Cache")


def test_second_anonymous_visit_comes_from_the_cache(client, home_page):
    first = client.get(home_page.url)
    second = client.get(home_page.url)

    assert cache_state(first) == "miss"
    assert cache_state(second) == "hit"
    assert second.content == first.content
    assert "s-maxage=300" in second.headers["Cache-Control"]
    assert "Cookie" in second.headers["Vary"]


def test_query_string_and_language_prefix_are_separate_entries(
    client, event_index, district
):
    client.get(event_index.url)

    filtered = client.get(event_index.url, {"district": district.slug})
    english = client.get("/en" + event_index.url)

    assert cache_state(filtered) == "miss"
    assert cache_state(english) == "miss"
    assert english.text != filtered.text


def test_cached_page_costs_no_database_query(
    client, home_page, django_assert_num_queries
):
    client.get(home_page.url)

    with django_assert_num_queries(0):
        response = client.get(home_page.url)

    assert cache_state(response) == "hit"


def test_logged_in_member_gets_a_private_fresh_page(client, home_page, member_user):
    client.get(home_page.url)
    client.force_login(member_user)

    response = client.get(home_page.url)

    assert cache_state(response) is None
    assert "private" in response.headers["Cache-Control"]
    assert "Mein Profil" in response.text


def test_members_page_is_private_and_never_served_to_a_visitor(
    client, members_briefing, member_user
):
    client.force_login(member_user)
    member_view = client.get(members_briefing.url)
    client.logout()
    client.cookies.clear()

    anonymous = client.get(members_briefing.url)

    assert member_view.status_code == 200
    assert "private" in member_view.headers["Cache-Control"]
    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("members:login"))


def test_anonymous_visit_after_a_member_shows_the_anonymous_page(
    client, home_page, member_user
):
    client.force_login(member_user)
    client.get(home_page.url)
    client.logout()
    client.cookies.clear()

    response = client.get(home_page.url)

    assert "Mein Profil" not in response.text
    assert "Anmelden" in response.text


def test_page_with_a_csrf_form_is_not_stored(client, public_briefing):
    PageViewRestriction.objects.create(
        page=public_briefing,
        restriction_type=PageViewRestriction.PASSWORD,
        password="kreisverband",
    )

    first = client.get(public_briefing.url)
    second = client.get(public_briefing.url)

    assert first.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in second.text
    assert cache_state(second) is None
    assert "private" in second.headers["Cache-Control"]
    assert "csrftoken" in second.cookies


def test_visitor_with_a_messages_cookie_gets_a_fresh_page(client, home_page):
    client.get(home_page.url)
    client.cookies["messages"] = "anything"

    response = client.get(home_page.url)

    assert cache_state(response) is None


def test_publishing_an_article_shows_on_its_index_home_district_and_feeds(
    client, home_page, news_index, district, publish
):
    urls = [
        news_index.url,
        home_page.url,
        district.url,
        reverse("news:feed_news_rss"),
        reverse("news:feed_district_rss", args=[district.slug]),
    ]
    for url in urls:
        client.get(url)
    article = NewsArticlePageFactory(
        parent=news_index, title="Mietendeckel jetzt", district=district, live=False
    )

    publish(article)

    for url in urls:
        response = client.get(url)
        assert "Mietendeckel jetzt" in response.text, url
        assert cache_state(response) == "miss", url


def test_publishing_a_briefing_shows_on_its_topic_pages(
    client, home_page, news_index, publish
):
    topic = TopicFactory(name="Wohnen", slug="wohnen")
    urls = [
        reverse("topics:index"),
        reverse("topics:detail", args=[topic.slug]),
        "/en" + reverse("topics:detail", args=[topic.slug]),
    ]
    for url in urls:
        client.get(url)
    assert cache_state(client.get(urls[1])) == "hit"
    briefing = DecisionBriefingPageFactory(
        parent=news_index, title="Mietendeckel kommt", live=False
    )
    briefing.topics.set([topic])

    publish(briefing)

    for url in urls[1:]:
        response = client.get(url)
        assert "Mietendeckel kommt" in response.text, url
        assert cache_state(response) == "miss", url
    assert cache_state(client.get(urls[0])) == "miss"


def test_a_topic_taken_off_a_briefing_drops_it_from_that_topic_page(
    client, home_page, news_index, publish
):
    topic = TopicFactory(name="Wohnen", slug="wohnen")
    briefing = DecisionBriefingPageFactory(parent=news_index, title="Mietendeckel")
    briefing.topics.set([topic])
    publish(briefing)
    url = reverse("topics:detail", args=[topic.slug])
    assert "Mietendeckel" in client.get(url).text

    briefing.topics.set([])
    publish(briefing)

    assert "Mietendeckel" not in client.get(url).text


def test_publishing_an_event_updates_the_filtered_calendar(
    client, event_index, district, publish
):
    url = f"{event_index.url}?district={district.slug}"
    assert "Kiezspaziergang" not in client.get(url).text
    event = EventPageFactory(
        parent=event_index,
        title="Kiezspaziergang",
        district=district,
        start=in_days(3),
        live=False,
    )

    publish(event)

    assert "Kiezspaziergang" in client.get(url).text


def test_changed_page_shows_under_every_language_prefix(
    client, home_page, news_index, publish
):
    translation_of(home_page, "en", title="Portal")
    prefixed = ["/en/", "/en/aktuelles/", "/tr/aktuelles/", "/ar/aktuelles/"]
    for url in prefixed:
        assert client.get(url).status_code == 200, url
    article = NewsArticlePageFactory(
        parent=news_index, title="Neue Meldung", live=False
    )

    publish(article)

    for url in prefixed:
        assert "Neue Meldung" in client.get(url).text, url


def test_unpublishing_takes_a_page_out_of_its_index_and_its_address(
    client, news_index, django_capture_on_commit_callbacks
):
    article = NewsArticlePageFactory(parent=news_index, title="Alte Meldung")
    assert client.get(article.url).status_code == 200
    assert "Alte Meldung" in client.get(news_index.url).text

    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()

    assert client.get(article.url).status_code == 404
    assert "Alte Meldung" not in client.get(news_index.url).text


def test_moving_a_page_updates_old_and_new_parent(
    client, home_page, news_index, django_capture_on_commit_callbacks
):
    other = StandardPageFactory(parent=home_page, title="Archiv", slug="archiv")
    article = NewsArticlePageFactory(parent=news_index, title="Wandernde Meldung")
    old_url = article.url
    for url in (old_url, news_index.url, other.url):
        client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        article.move(other, pos="last-child")

    old = client.get(old_url)
    assert (old.status_code, old.url) == (301, "/archiv/" + article.slug + "/")
    assert "Wandernde Meldung" not in client.get(news_index.url).text
    assert client.get("/archiv/" + article.slug + "/").status_code == 200


def test_approved_comment_shows_at_once(
    client, make_user, home_page, django_capture_on_commit_callbacks
):
    forum = ForumPageFactory(parent=home_page, comments_mode="members")
    comment = CommentFactory(
        page=forum, author=make_user("autorin"), body="Mehr Bänke!", status="pending"
    )
    assert "Mehr Bänke!" not in client.get(forum.url).text
    group, _created = Group.objects.get_or_create(name="Presse")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="moderate_all_comments"),
    )
    moderator = make_user("presse", groups=[group])
    moderation = client.__class__()
    moderation.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        moderation.post(reverse("comment_moderation:approve", args=[comment.pk]))

    response = client.get(forum.url)
    assert "Mehr Bänke!" in response.text
    assert cache_state(response) == "miss"


def test_renamed_topic_shows_on_every_page(
    client, news_index, django_capture_on_commit_callbacks
):
    topic = TopicFactory(name="Wohnen")
    article = NewsArticlePageFactory(parent=news_index)
    article.topics.set([topic])
    article.save_revision().publish()
    assert "Wohnen" in client.get(article.url).text

    with django_capture_on_commit_callbacks(execute=True):
        topic.name = "Mieten"
        topic.save()

    assert "Mieten" in client.get(article.url).text


def test_new_view_restriction_takes_the_page_out_of_the_cache(
    client, public_briefing, members_group, django_capture_on_commit_callbacks
):
    assert client.get(public_briefing.url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=public_briefing, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(members_group)

    assert client.get(public_briefing.url).status_code == 302


def test_publishing_tells_the_frontend_cache_about_every_affected_url(
    home_page, news_index, district, publish
):
    article = NewsArticlePageFactory(
        parent=news_index, slug="meldung", district=district, live=False
    )

    publish(article)

    purged = set(recording_frontend_cache.PURGED)
    root = "http://localhost"
    assert {
        f"{root}/aktuelles/meldung/",
        f"{root}/en/aktuelles/meldung/",
        f"{root}/aktuelles/",
        f"{root}/",
        f"{root}/ar/",
        f"{root}{district.url}",
        f"{root}{reverse('news:feed_news_rss')}",
        f"{root}/api/v2/kalender/",
    } <= purged


@pytest.mark.parametrize("kind", ["course", "event"])
def test_course_and_event_pages_with_open_registration_are_cached(
    client,
    kind,
    course_index,
    event_index,
    member_user,
    django_capture_on_commit_callbacks,
):
    from dialog.factories import VenueFactory
    from education.factories import CoursePageFactory, CourseSessionFactory
    from registrations.models import RegistrationMode
    from registrations.services import registration_create

    if kind == "course":
        page = CoursePageFactory(
            parent=course_index, registration_mode=RegistrationMode.OPEN, capacity=3
        )
        CourseSessionFactory(page=page, venue=VenueFactory())
    else:
        page = EventPageFactory(
            parent=event_index,
            start=in_days(5),
            registration_mode=RegistrationMode.OPEN,
            capacity=3,
        )

    first = client.get(page.url)
    second = client.get(page.url)

    assert cache_state(first) == "miss"
    assert cache_state(second) == "hit"
    assert "csrfmiddlewaretoken" not in second.text
    assert reverse("registrations:registration_form", args=[page.pk]) in second.text
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(page=page, user=member_user)
    assert cache_state(client.get(page.url)) == "miss"  # a seat was taken


def stored_pages():
    """Pages in the (test) cache; what an attacker's query strings would fill."""
    from django.core.cache import cache

    return [key for key in cache._cache if "pagecache:page:" in key]


def test_unknown_query_parameters_store_no_page(client, home_page):
    from django.core.cache import cache

    cache.clear()
    answers = [client.get(home_page.url, {"x": n}) for n in range(1, 51)]
    again = client.get(home_page.url, {"x": 1})

    assert {answer.status_code for answer in answers} == {200}
    assert {cache_state(answer) for answer in answers + [again]} == {None}
    assert stored_pages() == []


def test_a_known_parameter_among_unknown_ones_is_not_stored(
    client, event_index, district
):
    query = {"district": district.slug, "utm_source": "newsletter"}
    client.get(event_index.url, query)

    assert cache_state(client.get(event_index.url, query)) is None


def test_known_query_parameters_are_cached_in_any_order(client, event_index, district):
    first = client.get(f"{event_index.url}?district={district.slug}&young=on")
    second = client.get(f"{event_index.url}?young=on&district={district.slug}")
    paged = [client.get(event_index.url, {"page": 1}) for _ in range(2)]

    assert cache_state(first) == "miss"
    assert cache_state(second) == "hit"
    assert [cache_state(answer) for answer in paged] == ["miss", "hit"]


def test_an_overlong_query_value_is_answered_but_not_stored(client, event_index):
    answers = [client.get(event_index.url, {"young": "ja" * 101}) for _ in range(2)]
    short = [client.get(event_index.url, {"young": "ja"}) for _ in range(2)]

    assert [answer.status_code for answer in answers] == [200, 200]
    assert [cache_state(answer) for answer in answers] == [None, None]
    assert [cache_state(answer) for answer in short] == ["miss", "hit"]


def test_made_up_calendar_queries_keep_no_calendar_fragment(
    client, event_index, district
):
    from django.core.cache import cache

    cache.clear()
    for n in range(1, 21):
        assert client.get(event_index.url, {"x": n}).status_code == 200
    client.get(event_index.url, {"district": "nirgendwo"})
    client.get(event_index.url, {"district": district.slug})

    # Local memory keeps a fragment stored with timeout 0 as already expired
    # (Redis deletes it): count the live ones.
    fragments = [
        key
        for key, expires in cache._expire_info.items()
        if "template.cache.calendar" in key and expires > time.time()
    ]
    assert len(fragments) == 1
