"""Serving a page asks the database neither for its site nor for its view
restrictions (``core.caching``, ``PortalPage``), and still shows
every change to sites, root pages and restrictions at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from core.selectors import restrictions_on
from home.factories import HomePageFactory, StandardPageFactory, translation_of


def _tables(queries):
    return " ".join(query["sql"] for query in queries.captured_queries)


@pytest.fixture
def page(home_page):
    return StandardPageFactory(parent=home_page, title="Mietenpolitik", slug="mieten")


def test_a_page_view_reads_neither_site_locale_nor_restrictions(client, page):
    client.get("/mieten/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/mieten/")
    assert response.status_code == 200
    sql = _tables(queries)
    assert 'FROM "wagtailcore_site"' not in sql
    assert 'FROM "wagtailcore_locale"' not in sql
    assert "wagtailcore_pageviewrestriction" not in sql


def test_a_new_root_page_is_served_at_once(client, home_page):
    client.get("/")
    root = Page.get_first_root_node()
    new_home = HomePageFactory(parent=root, title="Neue Startseite", slug="neu")
    site = Site.objects.get(is_default_site=True)
    site.root_page = new_home
    site.save()
    assert "Neue Startseite" in client.get("/").content.decode()


def test_an_edited_home_page_is_served_at_once(client, home_page):
    assert "Mitmachportal" in client.get("/").content.decode()
    home_page.title = "Berlin macht mit"
    home_page.save_revision().publish()
    assert "Berlin macht mit" in client.get("/").content.decode()


def test_each_request_gets_its_own_root_page(rf, home_page):
    from core.caching._routing import root_page_for, site_for_request

    first = root_page_for(site_for_request(rf.get("/", HTTP_HOST="localhost")))
    first.title = "Verändert"
    second = root_page_for(site_for_request(rf.get("/", HTTP_HOST="localhost")))
    assert second.title == "Mitmachportal"


def test_the_translated_root_serves_its_language(client, home_page):
    translation_of(home_page, "en", title="Join in")
    assert "Join in" in client.get("/en/").content.decode()
    assert "Join in" not in client.get("/").content.decode()


def test_a_new_restriction_applies_at_once(client, page):
    assert client.get("/mieten/").status_code == 200
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/mieten/")
    assert response.status_code == 302
    assert "/konto/anmelden/" in response["Location"] or "login" in response["Location"]


def test_a_restriction_on_an_ancestor_applies(client, page):
    child = StandardPageFactory(parent=page, slug="unterseite")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = client.get("/mieten/unterseite/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert list(child.get_view_restrictions()) == list(
        PageViewRestriction.objects.filter(page=page)
    )


def test_an_unrestricted_page_reads_no_restriction(page, django_assert_num_queries):
    restrictions_on(page)  # the cached list, once
    with django_assert_num_queries(0):
        assert not page.get_view_restrictions()
        assert not page.get_view_restrictions().exists()


def test_restrictions_match_whole_levels_of_the_tree(home_page):
    """``0001000100010001`` is below ``000100010001`` but not below
    ``00010001001`` — prefixes are whole steps of four characters."""
    left = StandardPageFactory(parent=home_page, slug="links")
    right = StandardPageFactory(parent=home_page, slug="rechts")
    below_left = StandardPageFactory(parent=left, slug="darunter")
    restriction = PageViewRestriction.objects.create(
        page=left, restriction_type=PageViewRestriction.LOGIN
    )
    assert [r.pk for r in restrictions_on(below_left)] == [restriction.pk]
    assert [r.pk for r in restrictions_on(left)] == [restriction.pk]
    assert restrictions_on(right) == []
    assert restrictions_on(home_page) == []
