"""``SEARCH_URL`` picks OpenSearch; without it the database searches, in German."""

import pytest

from portal.settings.search import SearchURLError, search_backends


def test_without_search_url_postgresql_searches_with_german_stemming():
    backends = search_backends("", database_engine="django.db.backends.postgresql")

    assert backends == {
        "default": {
            "BACKEND": "wagtail.search.backends.database",
            "SEARCH_CONFIG": "german",
        }
    }


def test_without_search_url_sqlite_uses_its_own_full_text():
    backends = search_backends("", database_engine="django.db.backends.sqlite3")

    assert backends == {"default": {"BACKEND": "wagtail.search.backends.database"}}


def test_opensearch_url_selects_opensearch_3_over_https_with_credentials():
    backend = search_backends(
        "opensearch://portal:geheim@search.internal:9200/mitmach",
        database_engine="django.db.backends.postgresql",
    )["default"]

    assert backend["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert backend["URLS"] == ["https://portal:geheim@search.internal:9200"]
    assert backend["INDEX_PREFIX"] == "mitmach_"


def test_opensearch2_over_plain_http_without_prefix():
    backend = search_backends("opensearch2+http://10.0.0.5:9200")["default"]

    assert backend["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert backend["URLS"] == ["http://10.0.0.5:9200"]
    assert backend["INDEX_PREFIX"] == ""


@pytest.mark.parametrize(
    "url",
    ["elasticsearch://host:9200", "opensearch+ftp://host", "opensearch:///prefix"],
)
def test_a_search_url_that_is_not_opensearch_is_refused(url):
    with pytest.raises(SearchURLError):
        search_backends(url)
