"""Dates and times as each language writes them, always in Berlin time."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import translation

from core.i18n import mail_language

# 19:00 in Berlin on a Tuesday in winter, stored in UTC.
START = datetime.datetime(2026, 12, 8, 18, 0, tzinfo=zoneinfo.ZoneInfo("UTC"))


def _render(language, pattern):
    with translation.override(language):
        template = Template("{{ start|local_date:pattern }}")
        return template.render(Context({"start": START, "pattern": pattern}))


@pytest.mark.parametrize(
    "language, text",
    [
        ("de", "Dienstag, 8. Dezember 2026, 19:00"),
        ("en", "Tuesday, 8 December 2026, 19:00"),
        ("tr", "8 Aralık 2026, Salı, 19:00"),
        ("ar", "الثلاثاء، 8 ديسمبر 2026، 19:00"),
    ],
)
def test_date_and_time_follow_the_language(language, text):
    assert _render(language, "datetime") == text


def test_times_are_berlin_time_not_utc():
    assert _render("en", "time") == "19:00"


def test_unknown_pattern_renders_nothing_instead_of_failing():
    assert _render("de", "no-such-pattern") == ""


class _Profile:
    def __init__(self, language):
        self.preferred_language = language


class _User:
    def __init__(self, language=None):
        if language is not None:
            self.profile = _Profile(language)


def test_mail_language_is_the_preferred_language_of_the_recipient():
    assert mail_language(user=_User("ar")) == "ar"


def test_mail_language_without_profile_is_german():
    assert mail_language(user=_User()) == "de"


def test_mail_language_ignores_a_language_the_portal_does_not_offer():
    assert mail_language(user=_User("fr"), fallback="en") == "en"


def test_mail_written_in_the_recipients_language():
    with translation.override(mail_language(user=_User("tr"))):
        subject = translation.gettext("Next events")

    assert subject == "Yaklaşan etkinlikler"
