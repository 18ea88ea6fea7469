"""What visitors without an account see of a page is rendered once and kept as
fragments (``{% visitor_fragment %}``) and the page found for a path is kept
(``core.caching.deepest_page``); both change with every publish, move and
unpublish at once, and never reach members."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from news.factories import NewsArticlePageFactory


@pytest.fixture
def article(news_index):
    return NewsArticlePageFactory(
        parent=news_index, title="Mietendeckel kommt", slug="mietendeckel"
    )


URL = "/aktuelles/mietendeckel/"


def test_a_repeated_visit_reads_no_page_from_the_database(
    client, article, django_assert_max_num_queries
):
    first = client.get(URL)
    with django_assert_max_num_queries(1):
        second = client.get(URL)
    assert second.status_code == 200
    assert second.content == first.content


def test_a_published_change_shows_at_once(client, article):
    assert "Mietendeckel kommt" in client.get(URL).content.decode()
    article.title = "Mietendeckel beschlossen"
    article.save_revision().publish()
    content = client.get(URL).content.decode()
    assert "Mietendeckel beschlossen" in content
    assert "Mietendeckel kommt" not in content


def test_a_published_change_shows_after_the_commit(
    client, article, django_capture_on_commit_callbacks
):
    client.get(URL)
    article.title = "Mietendeckel beschlossen"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert "Mietendeckel beschlossen" in client.get(URL).content.decode()


def test_an_unpublished_page_is_gone_at_once(client, article):
    assert client.get(URL).status_code == 200
    article.unpublish()
    assert client.get(URL).status_code == 404


def test_a_moved_page_answers_at_its_new_address(
    client, article, home_page, django_capture_on_commit_callbacks
):
    from home.factories import StandardPageFactory

    client.get(URL)
    archive = StandardPageFactory(parent=home_page, slug="archiv")
    with django_capture_on_commit_callbacks(execute=True):
        article.move(archive, pos="last-child")
    old = client.get(URL)
    assert old.status_code == 301  # Wagtail's automatic redirect
    assert old["Location"] == "/archiv/mietendeckel/"
    assert client.get("/archiv/mietendeckel/").status_code == 200


def test_a_member_never_gets_the_visitors_header(client, article, member_user):
    visitor = client.get(URL).content.decode()
    assert "Log in" in visitor or "Anmelden" in visitor
    client.force_login(member_user)
    member = client.get(URL).content.decode()
    assert "/konto/profil/" in member or 'action="/konto/abmelden/"' in member
    assert "?next=" not in member.split("</header>")[0]
    client.logout()
    again = client.get(URL).content.decode()
    assert "?next=" in again.split("</header>")[0]


def test_the_login_link_returns_to_the_same_query(client, article):
    plain = client.get(URL).content.decode()
    with_query = client.get(URL + "?von=newsletter").content.decode()
    assert "next=/aktuelles/mietendeckel/%3Fvon%3Dnewsletter" in with_query
    assert "von%3Dnewsletter" not in plain


def _render(template, page, request):
    from django.template import RequestContext

    return Template(template).render(RequestContext(request, {"page": page}))


def test_a_fragment_with_a_form_token_is_never_kept(article):
    from django.contrib.auth.models import AnonymousUser

    template = (
        "{% load visitor_fragments %}"
        '{% visitor_fragment "form" %}{% csrf_token %}{% endvisitor_fragment %}'
    )
    tokens = []
    for _ in range(2):
        request = RequestFactory().get(URL)
        request.user = AnonymousUser()
        tokens.append(_render(template, article, request))
    assert tokens[0] != tokens[1]


def test_a_fragment_without_a_form_is_kept_for_the_next_visitor(article):
    from django.contrib.auth.models import AnonymousUser

    counter = iter(range(10))
    template = (
        "{% load visitor_fragments %}"
        '{% visitor_fragment "count" %}{{ next_number }}{% endvisitor_fragment %}'
    )
    outputs = []
    for _ in range(2):
        request = RequestFactory().get(URL)
        request.user = AnonymousUser()
        outputs.append(
            Template(template).render(
                Context(
                    {
                        "page": article,
                        "request": request,
                        "user": request.user,
                        "next_number": next(counter),
                    }
                )
            )
        )
    assert outputs == ["0", "0"]


def test_a_restricted_page_is_rendered_for_each_request(article, members_group):
    from django.contrib.auth.models import AnonymousUser
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    template = (
        "{% load visitor_fragments %}"
        '{% visitor_fragment "count" %}{{ number }}{% endvisitor_fragment %}'
    )
    outputs = []
    for number in range(2):
        request = RequestFactory().get(URL)
        request.user = AnonymousUser()
        outputs.append(
            Template(template).render(
                Context({"page": article, "request": request, "number": number})
            )
        )
    assert outputs == ["0", "1"]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_fallback_page_keeps_its_notice_and_links(client, article, language):
    content = client.get(f"/{language}{URL}").content.decode()
    assert 'lang="de"' in content
    head = content.split("</head>")[0]
    assert f'hreflang="{language}"' not in head  # no translation to link to
    assert 'rel="alternate" hreflang="de"' in head
