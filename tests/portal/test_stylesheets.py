"""The stylesheets stay well-formed: merges once cut closing braces, and
Chromium then nested every later rule inside the open one."""

import re
from pathlib import Path

import pytest
from django.conf import settings

STYLESHEETS = sorted((Path(settings.BASE_DIR) / "static" / "css").glob("*.css"))


def _without_comments(text):
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_every_rule_of_the_stylesheet_is_closed(path):
    text = _without_comments(path.read_text())

    assert text.count("{") == text.count("}")


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_no_rule_starts_inside_another_unless_in_an_at_rule(path):
    stack = []
    nested = []
    text = _without_comments(path.read_text())
    for number, line in enumerate(text.splitlines(), 1):
        for char in line:
            if char == "{":
                if stack and not stack[-1].startswith("@"):
                    nested.append(f"{number}: {line.strip()}")
                stack.append(line.strip())
            elif char == "}":
                stack.pop()

    assert nested == []
