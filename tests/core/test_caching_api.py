"""Every page model of the portal opts into the cached view restrictions by
subclassing ``core.caching.PortalPage``; the API names what apps may use."""

from django.apps import apps
from wagtail.models import Page

import core.caching
from core.caching import PortalPage


def test_every_page_model_of_the_portal_is_a_portal_page():
    ours = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page
    ]
    assert ours
    assert [m.__name__ for m in ours if not issubclass(m, PortalPage)] == []


def test_the_api_exports_what_it_names():
    for name in core.caching.__all__:
        assert hasattr(core.caching, name), name
