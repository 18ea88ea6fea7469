"""German is the interface language: every msgid needs a German translation."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


def _catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", ["de"])
def test_every_interface_string_is_translated(language):
    catalogue = _catalogue(language)

    missing = [entry.msgid for entry in catalogue.untranslated_entries()]

    assert not missing, f"untranslated in {language}: {missing}"


@pytest.mark.parametrize("language", ["de"])
def test_no_translation_is_fuzzy(language):
    catalogue = _catalogue(language)

    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]

    assert not fuzzy, f"fuzzy in {language}: {fuzzy}"


def test_compiled_catalogue_is_used_for_german():
    with translation.override("de"):
        assert translation.gettext("Next events") == "Nächste Veranstaltungen"
