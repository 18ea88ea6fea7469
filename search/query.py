"""What a visitor types into a search box, made safe for the search backends."""

from django.utils.translation import gettext as _

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12


class SearchQueryRefused(ValueError):
    """A query over the caps; the message says why, in the visitor's language."""


def plain_terms(query: str) -> str:
    """The words of a search query without characters full-text syntax reads.

    An unbalanced double quote is a syntax error for SQLite's FTS5 (a 500 in
    django-modelsearch); quotes carry no meaning for our other backends either,
    and PostgreSQL refuses NUL. Length and number of words are capped before any
    backend parses the query: Wagtail's query parser had a ReDoS advisory, and
    every word is one more full-text condition.
    """
    if len(query) > MAX_QUERY_LENGTH:
        raise SearchQueryRefused(
            _("Please search for at most %(max)d characters.")
            % {"max": MAX_QUERY_LENGTH}
        )
    terms = query.replace('"', " ").replace("\x00", " ").split()
    if len(terms) > MAX_QUERY_TERMS:
        raise SearchQueryRefused(
            _("Please search for at most %(max)d words.") % {"max": MAX_QUERY_TERMS}
        )
    return " ".join(terms)
