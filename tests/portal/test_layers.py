"""Apps name only what lies below them: hooks instead of names.

import-linter (``make lint``, ``.importlinter``) checks the imports between the
layers. An app can still name an app above or beside it without importing it:
a model label in a string (``"news.DecisionBriefingPage"``), a permission
(``"dialog.manage_surveys"``), a URL name (``"news:feed_calendar"``) or a
template of that app. These tests read the code and the templates of every app
and fail on such a name; the upper app registers what it contributes through a
hook instead (CONTRIBUTING, "The house").
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

# Top to bottom, as in .importlinter; apps on one line are independent.
LAYERS = [
    ["portal"],
    ["demo"],
    ["tracker", "education"],
    ["news", "dialog", "search"],
    ["comments", "registrations", "surveys", "subscriptions"],
    ["members"],
    ["home"],
    ["core"],
]
APPS = [app for layer in LAYERS for app in layer]
LAYER_OF = {app: index for index, layer in enumerate(LAYERS) for app in layer}
# Signing salts keep the names they had before their code moved, so links
# already mailed and forms already open keep working.
SALTS = {
    "dialog.registration.confirm",
    "dialog.registration.accept",
    "dialog.registration.cancel",
    "news.subscription.confirm",
    "news.subscription.manage",
    "home.bot_protection.form_started",
    "home.ratelimit.recipient",
}

# "news.DecisionBriefingPage", "dialog.manage_surveys", "news:feed_rss",
# "education/course_page.html", "tracker.views" …
# ("portal:" starts cache keys; the project package is checked by import-linter.)
NAME = re.compile(
    r"(?<![\w./-])("
    + "|".join(app for app in APPS if app != "portal")
    + r")(?:[.:][A-Za-z_]|/[\w/-]+\.(?:html|txt))"
)


def _forbidden(app: str) -> set[str]:
    """Apps ``app`` may not name: those above it and those beside it."""
    return {
        other
        for other in APPS
        if other != app and LAYER_OF[other] <= LAYER_OF[app]
    }


def _docstrings(tree) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(
            node,
            ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef,
        ):
            body = node.body
            if (
                body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                found.add(id(body[0].value))
    return found


def _strings_in_code(path: Path):
    tree = ast.parse(path.read_text(), str(path))
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and node.value not in SALTS
        ):
            yield node.lineno, node.value


def _template_names(path: Path):
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        for tag in re.findall(r"{%.*?%}", line):
            yield number, tag


def _names(app: str):
    for path in sorted((ROOT / app).rglob("*")):
        parts = path.relative_to(ROOT).parts
        if "migrations" in parts or "__pycache__" in parts:
            continue
        if path.suffix == ".py":
            lines = _strings_in_code(path)
        elif path.suffix in {".html", ".txt"} and "templates" in parts:
            lines = _template_names(path)
        else:
            continue
        for number, text in lines:
            for match in NAME.finditer(text):
                yield f"{path.relative_to(ROOT)}:{number}", match.group(0)


@pytest.mark.parametrize("app", [app for app in APPS if app not in {"portal", "demo"}])
def test_an_app_names_no_app_above_or_beside_it(app):
    forbidden = _forbidden(app)
    found = [
        f"{place}: {name}"
        for place, name in _names(app)
        if NAME.match(name).group(1) in forbidden
    ]
    assert found == [], "\n".join(found)


def test_the_check_finds_a_name_of_an_upper_app(tmp_path):
    """The pattern catches the three kinds of names the hooks replaced."""
    texts = [
        'PageChooserPanel("featured", "news.DecisionBriefingPage")',
        '"dialog.manage_surveys"',
        'reverse("news:feed_calendar")',
        '{% include "education/includes/course.html" %}',
    ]
    found = [NAME.search(text).group(1) for text in texts]
    assert found == ["news", "dialog", "news", "education"]
    assert NAME.search("a news article, home page, core values") is None
