"""schema.org data of events for the page ``<head>``."""

from wagtail import hooks

from ..metadata import event_page_data

hooks.register("page_structured_data", event_page_data)
