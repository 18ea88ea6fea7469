from wagtail import hooks

from .metadata import course_page_data

hooks.register("page_structured_data", course_page_data)
