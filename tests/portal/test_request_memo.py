"""A render reads the view restrictions once, and still sees a change at once."""

from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from core import selectors
from core.request_memo import RequestMemoMiddleware


def test_a_page_render_reads_the_restrictions_once(
    client, monkeypatch, public_briefing
):
    real = selectors._current_view_restrictions
    reads = []

    def counted():
        reads.append(1)
        return real()

    monkeypatch.setattr(selectors, "_current_view_restrictions", counted)

    assert client.get(public_briefing.url).status_code == 200
    assert len(reads) == 1
    client.get(public_briefing.url)
    assert len(reads) == 2  # the next request reads again


def test_a_restriction_made_during_the_request_is_seen(public_briefing, members_group):
    seen = []

    def view(request):
        seen.append(len(selectors.view_restrictions()))
        restriction = PageViewRestriction.objects.create(
            page=public_briefing, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(members_group)
        seen.append(len(selectors.view_restrictions()))
        return None

    RequestMemoMiddleware(view)(RequestFactory().get("/"))

    assert seen[1] == seen[0] + 1


def test_outside_a_request_nothing_is_kept(public_briefing):
    before = len(selectors.view_restrictions())
    PageViewRestriction.objects.create(
        page=public_briefing,
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",
    )

    assert len(selectors.view_restrictions()) == before + 1
