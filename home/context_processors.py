from django.utils.functional import SimpleLazyObject

from .caching import site_version


def cache_versions(request):
    """``portal_site_version`` for ``{% cache %}`` keys of fragments shown on
    every page (footer): it changes with ``home.caching.purge_everything``."""
    return {"portal_site_version": SimpleLazyObject(lambda: str(site_version()))}
