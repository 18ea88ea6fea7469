"""Search results list pages: a page's purge drops them too."""

from wagtail import hooks


@hooks.register("purge_urls")
def search_results_list_page(page):
    return {"/suche/"}
