"""``make run`` loads the demo into a fresh database with real commits: the cache
purges that run after each commit must survive the demo replacing the site."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from tests.portal import recording_frontend_cache

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_demo_loads_into_a_fresh_database_with_commit_hooks_run(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {
            "BACKEND": "tests.portal.recording_frontend_cache.RecordingBackend"
        }
    }
    recording_frontend_cache.PURGED.clear()

    call_command("load_demo", verbosity=0, stdout=io.StringIO())

    assert Page.objects.live().count() > 50
