"""The public read API lists public pages with their fields."""

import json

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail_factories import DocumentFactory, ImageFactory

from dialog.factories import EventPageFactory
from dialog.models import EventPage
from news.factories import NewsArticlePageFactory
from tests.utils import in_days

API_URL = "/api/v2/pages/"


def api_get(client, **params):
    response = client.get(API_URL, params)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


@pytest.fixture
def events(event_index):
    return [
        EventPageFactory(
            parent=event_index,
            title="Basiskonferenz Süd",
            kind=EventPage.Kind.BASE_CONFERENCE,
            start=in_days(3),
        ),
        EventPageFactory(
            parent=event_index,
            title="Fahrradtour Nord",
            kind=EventPage.Kind.BIKE_TOUR,
            start=in_days(6),
        ),
    ]


def test_api_lists_public_events_with_start_and_kind(client, events):
    data = api_get(client, type="dialog.EventPage", fields="start,kind")

    assert data["meta"]["total_count"] == 2
    assert {(item["title"], item["kind"]) for item in data["items"]} == {
        ("Basiskonferenz Süd", "base_conference"),
        ("Fahrradtour Nord", "bike_tour"),
    }


def test_api_gives_the_event_start_as_iso_datetime(client, events):
    data = api_get(
        client, type="dialog.EventPage", fields="start", title="Basiskonferenz Süd"
    )

    (item,) = data["items"]
    assert item["start"] == events[0].start.astimezone().isoformat()


def test_api_does_not_list_unpublished_events(client, events):
    events[1].unpublish()

    data = api_get(client, type="dialog.EventPage")

    assert [item["title"] for item in data["items"]] == ["Basiskonferenz Süd"]


def test_api_filters_events_by_kind(client, events):
    data = api_get(client, type="dialog.EventPage", kind="bike_tour")

    assert [item["title"] for item in data["items"]] == ["Fahrradtour Nord"]


def test_api_event_detail_includes_the_venue(client, events):
    response = client.get(f"{API_URL}{events[0].pk}/")

    data = json.loads(response.content)
    assert response.status_code == 200
    assert data["venue"]["id"] == events[0].venue_id


def test_api_lists_public_briefings_with_their_talking_points(client, public_briefing):
    data = api_get(client, type="news.DecisionBriefingPage", fields="talking_points")

    (item,) = data["items"]
    points = [block["value"]["point"] for block in item["talking_points"]]
    assert "Ein Mietenstopp schützt Familien vor Verdrängung." in points


def test_api_rejects_an_unknown_page_type_with_400(client, home_page):
    response = client.get(API_URL, {"type": "dialog.Nonsense"})

    assert response.status_code == 400


def test_api_rejects_an_unknown_field_with_400(client, events):
    response = client.get(API_URL, {"type": "dialog.EventPage", "fields": "password"})

    assert response.status_code == 400


def test_api_rejects_a_limit_above_the_maximum_with_400(client, events):
    assert client.get(API_URL, {"limit": 1000}).status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "Basiskonferenz",
        "Basis*",
        '"',
        '"Basis',
        "(Basis",
        "Basis)",
        "Basis OR",
        "NOT",
        "-Basis",
        "Basis:",
        "^Basis",
        "Basis AND NOT Konferenz",
    ],
)
def test_api_search_never_fails(client, events, query):
    assert client.get(API_URL, {"search": query}).status_code in (200, 400)


# Public content only: members-only pages and private collections never appear.


@pytest.fixture
def private_collection(members_group):
    collection = Collection.get_first_root_node().add_child(name="Intern")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([members_group])
    return collection


def api_titles(data):
    return [item["title"] for item in data["items"]]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_api_rejects_an_unknown_search_operator_with_400(client, home_page, endpoint):
    response = client.get(
        f"/api/v2/{endpoint}/", {"search": "Mieten", "search_operator": "xor"}
    )

    assert response.status_code == 400
    assert b"search_operator" in response.content


@pytest.mark.parametrize("operator", ["and", "or"])
def test_api_searches_with_either_operator(client, events, operator):
    data = api_get(client, search="Basiskonferenz Nord", search_operator=operator)

    found = {item["title"] for item in data["items"]}
    assert found == (
        set() if operator == "and" else {"Basiskonferenz Süd", "Fahrradtour Nord"}
    )


def test_api_pages_leave_out_members_only_briefings(
    client, public_briefing, members_briefing
):
    data = api_get(client, type="news.DecisionBriefingPage")

    assert api_titles(data) == [public_briefing.title]


def test_api_pages_leave_them_out_also_for_a_logged_in_member(
    client, member_user, members_briefing
):
    client.force_login(member_user)

    data = api_get(client, type="news.DecisionBriefingPage")

    assert data["items"] == []


def test_api_page_detail_of_a_members_only_briefing_is_404(client, members_briefing):
    response = client.get(f"{API_URL}{members_briefing.pk}/")

    assert response.status_code == 404


def test_api_page_detail_is_404_for_a_member_too(client, member_user, members_briefing):
    client.force_login(member_user)

    assert client.get(f"{API_URL}{members_briefing.pk}/").status_code == 404


def test_api_child_of_leaves_out_members_only_briefings(
    client, news_index, public_briefing, members_briefing
):
    data = api_get(client, child_of=news_index.pk)

    assert api_titles(data) == [public_briefing.title]


def test_api_child_of_a_members_only_page_is_400(client, members_briefing):
    response = client.get(API_URL, {"child_of": members_briefing.pk})

    assert response.status_code == 400


def test_api_search_leaves_out_members_only_briefings(client, members_briefing):
    data = api_get(client, search="Koalitionsoptionen")

    assert data["items"] == []


def test_api_pages_leave_out_pages_below_a_restricted_page(client, news_index):
    PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.LOGIN
    )
    NewsArticlePageFactory(parent=news_index, title="Nur angemeldet")

    data = api_get(client, type="news.NewsArticlePage")

    assert data["items"] == []


def test_api_home_page_hides_a_featured_members_only_briefing(
    client, home_page, members_briefing
):
    home_page.featured_briefing = members_briefing
    home_page.save_revision().publish()

    response = client.get(f"{API_URL}{home_page.pk}/")

    data = json.loads(response.content)
    assert data["featured_briefing"] is None
    assert "Koalitionsoptionen" not in response.content.decode()


def test_api_home_page_shows_a_featured_public_briefing(
    client, home_page, public_briefing
):
    home_page.featured_briefing = public_briefing
    home_page.save_revision().publish()

    data = json.loads(client.get(f"{API_URL}{home_page.pk}/").content)

    assert data["featured_briefing"]["title"] == public_briefing.title


def test_api_lists_images_of_public_collections(client, home_page, private_collection):
    ImageFactory(title="Demo am Alex")
    ImageFactory(title="Interne Skizze", collection=private_collection)

    data = json.loads(client.get("/api/v2/images/").content)

    assert api_titles(data) == ["Demo am Alex"]


def test_api_image_detail_in_a_private_collection_is_404(
    client, home_page, private_collection
):
    image = ImageFactory(collection=private_collection)

    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404


def test_api_images_leave_out_private_ones_for_a_member_too(
    client, member_user, home_page, private_collection
):
    ImageFactory(title="Interne Skizze", collection=private_collection)
    client.force_login(member_user)

    data = json.loads(client.get("/api/v2/images/").content)

    assert data["items"] == []


def test_api_lists_documents_of_public_collections(
    client, home_page, private_collection
):
    DocumentFactory(title="Wahlprogramm")
    DocumentFactory(title="Protokoll Landesvorstand", collection=private_collection)

    data = json.loads(client.get("/api/v2/documents/").content)

    assert api_titles(data) == ["Wahlprogramm"]


def test_api_documents_leave_out_subcollections_of_private_ones(
    client, home_page, private_collection
):
    DocumentFactory(
        title="Entwurf", collection=private_collection.add_child(name="Entwürfe")
    )

    data = json.loads(client.get("/api/v2/documents/").content)

    assert data["items"] == []


def test_api_document_detail_in_a_private_collection_is_404(
    client, home_page, private_collection
):
    document = DocumentFactory(collection=private_collection)

    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404


def test_api_document_search_never_fails(client, home_page):
    assert client.get("/api/v2/documents/", {"search": '"'}).status_code in (200, 400)


@pytest.mark.parametrize("url", [API_URL, "/api/v2/images/", "/api/v2/documents/"])
def test_api_may_be_read_from_other_websites(client, home_page, url):
    response = client.get(url)

    assert response["Access-Control-Allow-Origin"] == "*"


def test_api_page_listing_query_count_does_not_grow_with_pages(
    client, news_index, django_assert_max_num_queries
):
    NewsArticlePageFactory.create_batch(3, parent=news_index)
    client.get(API_URL, {"limit": 50})
    with django_assert_max_num_queries(20) as few:
        client.get(API_URL, {"limit": 50})
    NewsArticlePageFactory.create_batch(27, parent=news_index)

    with django_assert_max_num_queries(len(few.captured_queries)):
        data = api_get(client, limit=50)

    assert data["meta"]["total_count"] >= 30
