"""Lists hide restricted pages exactly as Wagtail does, in one query however many
restrictions there are (the load data has hundreds of members-only briefings)."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction

from core.people import user_groups
from core.selectors import below_any_q, public, view_restrictions, visible_to
from home.factories import StandardPageFactory

KINDS = [
    PageViewRestriction.LOGIN,
    PageViewRestriction.GROUPS,
    PageViewRestriction.PASSWORD,
    "other-group",
]


@pytest.fixture
def other_group(db):
    return Group.objects.create(name="Presse intern")


@pytest.fixture
def tree(home_page):
    """Four sections with five children and two grandchildren each (depths 3–5)."""
    pages = []
    for s in range(4):
        section = StandardPageFactory(parent=home_page, slug=f"bereich-{s}")
        pages.append(section)
        for c in range(5):
            child = StandardPageFactory(parent=section, slug=f"seite-{s}-{c}")
            pages.append(child)
            for g in range(2):
                pages.append(StandardPageFactory(parent=child, slug=f"u-{s}-{c}-{g}"))
    return pages


@pytest.fixture
def restrict(tree, members_group, other_group):
    """Restrict ``count`` pages of ``tree``, spread over every depth and kind."""

    def make(count):
        # Every third page from the end: leaves, middle pages and one section,
        # some of them inside another restricted subtree.
        chosen = tree[::-1][::3][:count] if count < len(tree) // 3 else tree[:count]
        for number, page in enumerate(chosen):
            kind = KINDS[number % len(KINDS)]
            restriction = PageViewRestriction.objects.create(
                page=page,
                restriction_type=(
                    PageViewRestriction.GROUPS if kind == "other-group" else kind
                ),
                password="geheim" if kind == PageViewRestriction.PASSWORD else "",
            )
            if kind == PageViewRestriction.GROUPS:
                restriction.groups.add(members_group)
            elif kind == "other-group":
                restriction.groups.add(other_group)
        return chosen

    return make


def wagtail_allows(page, user):
    """Wagtail's own answer for one page: every restriction on it and its
    ancestors accepts a request of ``user`` (no password given in the session)."""
    request = RequestFactory().get("/")
    request.user = user
    request.session = {}
    return all(r.accept_request(request) for r in page.get_view_restrictions())


def ids(pages):
    return set(pages.values_list("pk", flat=True))


@pytest.mark.parametrize("count", [5, 50])
def test_public_hides_the_same_pages_as_wagtails_public(restrict, count):
    restrict(count)

    assert ids(public(Page.objects.all())) == ids(Page.objects.public())
    assert ids(visible_to(Page.objects.all(), None)) == ids(Page.objects.public())


def test_many_restrictions_hide_their_pages_and_everything_below(restrict, tree):
    restricted = restrict(50)

    visible = ids(public(Page.objects.all()))

    assert len(restricted) == 50
    for page in tree:
        below_a_restriction = any(page.path.startswith(r.path) for r in restricted)
        assert (page.pk in visible) is not below_a_restriction


@pytest.mark.parametrize("count", [5, 50])
def test_a_member_sees_what_wagtail_lets_them_open(restrict, tree, member_user, count):
    restrict(count)

    visible = ids(visible_to(Page.objects.all(), member_user))

    expected = {page.pk for page in tree if wagtail_allows(page, member_user)}
    assert visible & {page.pk for page in tree} == expected


@pytest.mark.parametrize("count", [5, 50])
def test_a_logged_in_non_member_sees_only_login_restricted_pages(
    restrict, tree, non_member_user, count
):
    restrict(count)

    visible = ids(visible_to(Page.objects.all(), non_member_user))

    expected = {page.pk for page in tree if wagtail_allows(page, non_member_user)}
    assert visible & {page.pk for page in tree} == expected
    visitor = AnonymousUser()
    assert expected != {page.pk for page in tree if wagtail_allows(page, visitor)}


def test_a_visitor_sees_what_wagtail_lets_them_open(restrict, tree):
    restrict(50)

    visible = ids(visible_to(Page.objects.all(), AnonymousUser()))

    expected = {page.pk for page in tree if wagtail_allows(page, AnonymousUser())}
    assert visible & {page.pk for page in tree} == expected


@pytest.mark.parametrize("count", [5, 50])
def test_the_filter_costs_one_query_whatever_the_number_of_restrictions(
    restrict, member_user, django_assert_num_queries, count
):
    restrict(count)
    view_restrictions()  # cached for every request after the first
    user_groups(member_user)  # asked once per request, not per list

    with django_assert_num_queries(1):
        list(visible_to(Page.objects.all(), member_user))
    with django_assert_num_queries(1):
        list(public(Page.objects.all()))


def test_the_filter_has_one_condition_per_depth_not_per_restriction(restrict):
    restricted = restrict(50)

    condition = below_any_q([page.path for page in restricted])

    depths = {page.depth for page in restricted}
    assert len(depths) == 3
    assert 1 <= len(condition.children) <= len(depths)


def test_no_restrictions_filter_nothing(tree):
    assert ids(public(Page.objects.all())) == ids(Page.objects.all())
