"""Every parameter of the read API, with random, unicode, huge and malformed values.

Pages, images and documents: lists with each documented parameter (type,
fields, order, search, search_operator, limit, offset, child_of,
descendant_of, ancestor_of, locale, translation_of, html_path, tags) and the
field filters of every page type, details by any id, ``find`` by any path, and
percent-encoded junk in the path. A 200 or a 4xx, never a 5xx; on PostgreSQL
too (``DATABASE_URL``), where a NUL once made ``find`` a 500.
"""

# The fixtures imported from test_fuzz_query_params are parameters by name.
# ruff: noqa: F811

from urllib.parse import quote

import pytest
import wagtail_factories
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Page, get_page_models

from tests.fuzz import assert_no_server_error, get, text_values
from tests.portal.test_fuzz_query_params import (  # noqa: F401 (fixtures)
    API_FIELDS,
    _no_rate_limits,
    queries,
    site,
)

IDS = ["1", "2", "3", "0", "-1", "x", "9" * 25, "1.5", "0x10", ""]
TYPES = sorted(
    f"{model._meta.app_label}.{model.__name__}" for model in get_page_models()
) + ["wagtailcore.Page", "x.Y", "dialog.", "", "dialog.Registration"]
FIELD_FILTERS = sorted(
    {
        field.name
        for model in get_page_models()
        for field in getattr(model, "api_fields", None) or []
    }
)
FILTER_VALUES = ["1", "true", "false", "2026-12-01", "mieten-wohnen", "x", ""]


def ids(site):
    pages = [str(pk) for pk in Page.objects.values_list("pk", flat=True)]
    return st.one_of(st.sampled_from(pages + IDS), text_values(huge=False))


@pytest.fixture
def files(site):
    image = wagtail_factories.ImageFactory(title="Demo in Kreuzberg")
    image.tags.add("demo", "kiez")
    document = wagtail_factories.DocumentFactory(title="Satzung")
    document.tags.add("satzung")
    return {"images": image, "documents": document}


@hypothesis_settings(max_examples=100)
@given(data=st.data())
def test_page_lists_with_any_type_and_field_filter_never_fail(client, site, data):
    page_type = data.draw(st.sampled_from(TYPES), label="type")
    fields = {
        **API_FIELDS,
        "child_of": [str(site["news"].pk), *API_FIELDS["child_of"]],
        "descendant_of": [str(site["calendar"].pk), "1"],
        "ancestor_of": [str(site["agreement"].pk), "1"],
        "translation_of": [str(site["news"].pk), "x"],
        **dict.fromkeys(FIELD_FILTERS, FILTER_VALUES),
    }
    query = data.draw(queries(fields), label="query")
    if isinstance(query, dict) and page_type:
        query["type"] = page_type
    assert_no_server_error(get(client, "/api/v2/pages/", query))


@given(data=st.data())
def test_page_details_by_any_id_never_fail(client, site, data):
    pk = data.draw(ids(site), label="id")
    query = data.draw(
        queries({"fields": API_FIELDS["fields"], "type": TYPES}), label="query"
    )
    path = f"/api/v2/pages/{_quoted(pk)}/"
    assert_no_server_error(get(client, path, query))


@given(data=st.data())
def test_find_by_any_path_or_id_never_fails(client, site, data):
    urls = [page.url for page in Page.objects.live().specific()[:20] if page.url]
    query = data.draw(
        queries(
            {
                "html_path": [*urls, "/", "//", "/%00/", "/../", "/en/", "/ar/x/"],
                "id": IDS,
                "fields": API_FIELDS["fields"],
                "type": TYPES,
            }
        ),
        label="query",
    )
    assert_no_server_error(get(client, "/api/v2/pages/find/", query))


FILE_FIELDS = {
    "search": ["Demo", "Satzung", "Demo OR Kiez"],
    "search_operator": ["and", "or", "xor"],
    "fields": ["*", "title,tags", "-title", "width,height", "download_url", "x"],
    "order": ["title", "-title", "created_at", "-id", "random", "x"],
    "limit": API_FIELDS["limit"],
    "offset": API_FIELDS["offset"],
    "tags": ["demo", "demo,kiez", "satzung", ",", "x"],
    "title": ["Demo in Kreuzberg", "Satzung"],
    "id": IDS,
    "collection_id": ["1", "x"],
}


@hypothesis_settings(max_examples=100)
@given(endpoint=st.sampled_from(["images", "documents"]), data=st.data())
def test_file_lists_with_any_filter_never_fail(client, files, endpoint, data):
    query = data.draw(queries(FILE_FIELDS), label="query")
    assert_no_server_error(get(client, f"/api/v2/{endpoint}/", query))


@given(endpoint=st.sampled_from(["images", "documents"]), data=st.data())
def test_file_details_by_any_id_never_fail(client, files, endpoint, data):
    real = str(files[endpoint].pk)
    pk = data.draw(st.one_of(st.sampled_from([real, *IDS]), text_values(huge=False)))
    query = data.draw(queries({"fields": FILE_FIELDS["fields"]}), label="query")
    path = f"/api/v2/{endpoint}/{_quoted(pk)}/"
    assert_no_server_error(get(client, path, query))


def _quoted(text: str) -> str:
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


@given(
    endpoint=st.sampled_from(["pages", "images", "documents", "kalender"]),
    segment=st.one_of(
        text_values(huge=False).map(_quoted),
        st.binary(max_size=30).map(lambda raw: quote(raw, safe="")),
        st.sampled_from(["%00", "%c0%af", "%ff", "..%2f..%2f", "%E2%80%AE", "%"]),
    ),
)
def test_junk_in_an_api_path_never_fails(client, site, endpoint, segment):
    assert_no_server_error(get(client, f"/api/v2/{endpoint}/{segment}/"))


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("value", ["x", "1.5", "", str(2**70), "-" + str(2**70)])
def test_find_by_an_id_that_is_no_integer_is_a_400(client, files, endpoint, value):
    response = client.get(f"/api/v2/{endpoint}/find/", {"id": value})

    assert response.status_code == 400
    assert "id" in response.json()["message"]
