def plain_terms(query: str) -> str:
    """The words of a search query without characters full-text syntax reads.

    An unbalanced double quote is a syntax error for SQLite's FTS5 (a 500 in
    django-modelsearch); quotes carry no meaning for our other backends either.
    """
    return " ".join(query.replace('"', " ").split())
