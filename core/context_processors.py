from django.utils.functional import SimpleLazyObject

from .versions import site_version


def cache_versions(request):
    """``portal_site_version`` for ``{% cache %}`` keys of fragments shown on
    every page (footer): it changes with ``core.versions.purge_everything``."""
    return {"portal_site_version": SimpleLazyObject(lambda: str(site_version()))}
