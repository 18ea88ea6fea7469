"""schema.org data of the home page and news pages for the page ``<head>``."""

from wagtail import hooks

from ..metadata import home_page_data, news_page_data

hooks.register("page_structured_data", home_page_data)
hooks.register("page_structured_data", news_page_data)
