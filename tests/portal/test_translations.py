"""Every interface string is translated into every language of the portal.

The catalogues must be complete (no empty or fuzzy entry) and must contain
every msgid the code has: a new ``{% translate %}`` without catalogue entries
fails here, so no German- or English-only string slips in unnoticed.
"""

import fcntl
import os
import shutil
import tempfile
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

BASE_DIR = Path(settings.BASE_DIR)
LOCALE_DIR = BASE_DIR / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
SKIPPED = {"locale", "tests", "var", "node_modules"}
PLURAL_FORMS = {"de": 2, "en": 2, "tr": 2, "ar": 6}


def _catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def _key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The msgids in the code now, extracted as ``make messages`` does it.

    makemessages writes its catalogue into ``locale``, so it runs in a scratch
    directory that links to the source folders and has its own ``locale``.
    """
    if shutil.which("xgettext") is None:
        pytest.skip("makemessages needs GNU gettext (xgettext)")
    scratch = tmp_path_factory.mktemp("sources")
    (scratch / "locale").mkdir()
    for folder in BASE_DIR.iterdir():
        if folder.is_dir() and folder.name not in SKIPPED and folder.name[0] != ".":
            (scratch / folder.name).symlink_to(folder)
    cwd = os.getcwd()
    # Template sources are preprocessed into temporary files next to the
    # templates (through the links), so two test workers must not run it at once.
    lock_path = Path(tempfile.gettempdir()) / "mitmachportal-makemessages.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        os.chdir(scratch)
        try:
            with override_settings(LOCALE_PATHS=[]):
                call_command(
                    "makemessages",
                    locale=["xx"],
                    no_location=True,
                    symlinks=True,
                    verbosity=0,
                )
        finally:
            os.chdir(cwd)
    catalogue = polib.pofile(
        str(scratch / "locale" / "xx" / "LC_MESSAGES" / "django.po")
    )
    return {_key(entry) for entry in catalogue}


def test_every_language_of_the_portal_has_a_catalogue():
    missing = [code for code in LANGUAGES if not (LOCALE_DIR / code).is_dir()]

    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(language):
    catalogue = _catalogue(language)

    missing = [entry.msgid for entry in catalogue.untranslated_entries()]

    assert not missing, f"untranslated in {language}: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_is_fuzzy(language):
    catalogue = _catalogue(language)

    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]

    assert not fuzzy, f"fuzzy in {language}: {fuzzy}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_every_msgid_of_the_code(extracted, language):
    catalogue = {_key(entry) for entry in _catalogue(language) if not entry.obsolete}

    missing = sorted(msgid for _ctx, msgid, _plural in extracted - catalogue)

    assert not missing, f"not in the {language} catalogue (make messages): {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_entries_have_every_form_of_the_language(language):
    catalogue = _catalogue(language)

    incomplete = [
        entry.msgid
        for entry in catalogue
        if entry.msgid_plural
        and (
            len(entry.msgstr_plural) != PLURAL_FORMS[language]
            or not all(entry.msgstr_plural.values())
        )
    ]

    assert incomplete == []


def test_compiled_catalogue_is_used_for_german():
    with translation.override("de"):
        assert translation.gettext("Next events") == "Nächste Veranstaltungen"


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Next events"),
        ("tr", "Yaklaşan etkinlikler"),
        ("ar", "الفعاليات القادمة"),
    ],
)
def test_compiled_catalogue_is_used_for_every_language(language, text):
    with translation.override(language):
        assert translation.gettext("Next events") == text


def test_arabic_plural_uses_the_dual_form():
    with translation.override("ar"):
        text = translation.ngettext(
            "%(counter)s event found", "%(counter)s events found", 2
        ) % {"counter": 2}

    assert text == "عُثر على فعاليتين (2)"
