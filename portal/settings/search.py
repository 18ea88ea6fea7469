"""The search backend from the environment: the database's own full text, or
OpenSearch when ``SEARCH_URL`` names one.

``SEARCH_URL`` forms (user and password optional, the path is an index prefix):

- ``opensearch://user:password@search.internal:9200/mitmach`` – OpenSearch 3 over
  HTTPS (``opensearch+http://`` for plain HTTP inside a private network),
- ``opensearch2://…`` – the same for an OpenSearch 2 cluster.

Without it, Wagtail's database backend searches PostgreSQL's full text with the
``german`` configuration (stemming: "Mieten" finds "Miete"), or SQLite's FTS5.
OpenSearch needs ``opensearch-py`` installed and ``manage.py update_index`` once.
"""

from urllib.parse import urlsplit, urlunsplit

OPENSEARCH_BACKENDS = {
    "opensearch": "wagtail.search.backends.opensearch3",
    "opensearch3": "wagtail.search.backends.opensearch3",
    "opensearch2": "wagtail.search.backends.opensearch2",
}
DATABASE_BACKEND = "wagtail.search.backends.database"
POSTGRES_SEARCH_CONFIG = "german"


class SearchURLError(ValueError):
    pass


def search_backends(search_url: str = "", *, database_engine: str = "") -> dict:
    """``WAGTAILSEARCH_BACKENDS`` for ``search_url`` and the database in use."""
    if not search_url:
        backend = {"BACKEND": DATABASE_BACKEND}
        if "postgresql" in database_engine:
            backend["SEARCH_CONFIG"] = POSTGRES_SEARCH_CONFIG
        return {"default": backend}
    parts = urlsplit(search_url)
    name, _plus, transport = parts.scheme.partition("+")
    if name not in OPENSEARCH_BACKENDS or transport not in ("", "http", "https"):
        raise SearchURLError(
            f"SEARCH_URL must start with one of {sorted(OPENSEARCH_BACKENDS)} "
            "(optionally +http or +https)."
        )
    if not parts.hostname:
        raise SearchURLError("SEARCH_URL needs a host, e.g. opensearch://host:9200/.")
    url = urlunsplit((transport or "https", parts.netloc, "", "", ""))
    prefix = parts.path.strip("/")
    return {
        "default": {
            "BACKEND": OPENSEARCH_BACKENDS[name],
            "URLS": [url],
            "INDEX_PREFIX": f"{prefix}_" if prefix else "",
            "TIMEOUT": 5,
        }
    }
