"""Hypothesis strategies and request helpers for the fuzz tests (``test_fuzz_*.py``).

Values are sent as raw ``application/x-www-form-urlencoded`` bytes and query
strings, so they can carry what a browser never sends but an attacker does:
NUL bytes, lone surrogates, invalid UTF-8, broken percent escapes, repeated
and missing keys, 100 kB fields.
"""

from collections import Counter
from urllib.parse import quote_plus, urlsplit

from hypothesis import strategies as st

# Characters that broke software before: NUL, lone surrogates, bidi and
# zero-width marks, combining and astral characters, markup and template syntax.
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",
    "\udfff",
    "\u202eevil\u202c",
    "\u200f\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "\u200b\ufeff",
    "🏳️‍🌈👩🏽‍💻",
    "Z̸̡̛a̷l̶g̴o̵",
    "'",
    '"',
    '"unbalanced',
    "<script>alert(1)</script>",
    "{{7*7}}{% now 'Y' %}",
    "%",
    "%00",
    "\\",
    "../../etc/passwd",
    "\r\n\t",
    "NaN",
    "-1",
    "0",
    "1e309",
    "9" * 40,
    "2026-02-30",
    "9999-12-31",
    "0000-00-00",
    "Straße İstanbul ﷺ",
    "a" * 300,
    "AND OR NOT ( ) * : ^ ~ -",
    "' OR 1=1 --",
]

HUGE = [
    "x" * 120_000,
    "ä " * 60_000,
    "<b>" * 40_000,
    "\x00" * 100_001,
    " ".join(["wort"] * 25_000),
]

# Query strings no browser produces; Django must decode each without a 500.
MALFORMED_QUERIES = [
    "%",
    "%zz",
    "q=%ff%fe",
    "q=%E0%A4%A",
    "&&&=&",
    "=x",
    "q[]=1&q[]=2",
    "page=1&page=2",
    "q=%00",
    "q=%ED%A0%80",
    ";;;",
]

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"

# Requests the fuzz helpers sent and the 5xx among them, per surface (the
# path's first segments); ``pytest_terminal_summary`` in conftest prints them.
SENT: Counter = Counter()
SERVER_ERRORS: Counter = Counter()


def surface(path: str) -> str:
    parts = [part for part in urlsplit(path).path.split("/") if part]
    if parts[:2] == ["api", "v2"]:
        return "/".join(["", *parts[:3]]) + "/"
    if parts[:1] == ["feeds"]:
        return "/feeds/"
    return f"/{parts[0]}/" if parts else "/"


def _counted(path, response):
    SENT[surface(path)] += 1
    if response.status_code >= 500:
        SERVER_ERRORS[surface(path)] += 1
    return response


def text_values(*, huge=True):
    """Any text a client can send: random unicode incl. surrogates, nasty, huge."""
    strategies = [
        st.sampled_from(NASTY),
        st.text(st.characters(exclude_categories=()), max_size=60),
        st.integers(min_value=-(10**20), max_value=10**20).map(str),
    ]
    if huge:
        strategies.append(st.sampled_from(HUGE))
    return st.one_of(*strategies)


def value_for(choices=(), *, huge=True):
    """A field's value: one of its valid ``choices`` now and then, else anything."""
    if not choices:
        return text_values(huge=huge)
    return st.one_of(st.sampled_from(list(choices)), text_values(huge=huge))


def field_values(choices=(), *, huge=True):
    """One value or several for the same key (``a=1&a=2``)."""
    single = value_for(choices, huge=huge)
    return st.one_of(single, st.lists(single, min_size=2, max_size=3))


def form_data(fields, *, extra=True, huge=True):
    """Dicts with any subset of ``fields`` (name → choices), values mostly random.

    Missing keys stand for missing data, ``extra`` adds keys the form does not know.
    """
    optional = {
        name: field_values(choices, huge=huge) for name, choices in fields.items()
    }
    data = st.fixed_dictionaries({}, optional=optional)
    if extra:
        junk = st.dictionaries(
            st.text(st.characters(exclude_categories=()), max_size=10),
            field_values(huge=False),
            max_size=2,
        )
        data = st.tuples(data, junk).map(lambda pair: {**pair[1], **pair[0]})
    return data


@st.composite
def mutated(draw, valid: dict, fields: dict, *, huge=True):
    """``valid`` with one to three fields dropped or replaced by anything.

    Almost-valid posts reach the services: a refusal there must roll back too.
    """
    names = sorted(set(valid) | set(fields))
    changed = draw(
        st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True)
    )
    data = dict(valid)
    for name in changed:
        replacement = draw(
            st.one_of(st.none(), field_values(fields.get(name, ()), huge=huge))
        )
        if replacement is None:
            data.pop(name, None)
        else:
            data[name] = replacement
    return data


def _quote(text: str) -> str:
    return quote_plus(text.encode("utf-8", "surrogatepass"))


def urlencode(data: dict) -> str:
    pairs = []
    for key, values in data.items():
        for value in values if isinstance(values, list | tuple) else [values]:
            pairs.append(f"{_quote(key)}={_quote(str(value))}")
    return "&".join(pairs)


def post(client, url, data: dict, **base):
    """POST ``base`` (e.g. bot-protection fields) and ``data`` as raw form bytes."""
    body = urlencode({**base, **data})
    return _counted(url, client.post(url, body, content_type=FORM_CONTENT_TYPE))


def get(client, path, data: dict | str = ""):
    query = data if isinstance(data, str) else urlencode(data)
    return _counted(path, client.get(path, QUERY_STRING=query))


def assert_no_server_error(response):
    assert response.status_code < 500, (response.status_code, response.content[:500])


def row_counts(*models) -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in models}
