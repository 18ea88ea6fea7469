"""Helpers for the page models and listings of every app."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from .selectors import passes, restrictions_on


def paginate(request, queryset, per_page=None):
    """One page of ``queryset``; a page number that does not exist is a 404."""
    paginator = Paginator(queryset, per_page or settings.PORTAL_PAGE_SIZE)
    try:
        return paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(_("This page number does not exist.")) from error


def attach_images(pages, *fields):
    """Load the images behind ``fields`` of mixed-type pages in two queries.

    ``specific()`` querysets of different page types cannot ``select_related``;
    without this every card would query its image and its rendition.
    """
    wanted = {getattr(p, f"{f}_id", None) for p in pages for f in fields} - {None}
    images = (
        get_image_model().objects.prefetch_related("renditions").in_bulk(wanted)
        if wanted
        else {}
    )
    for page in pages:
        for field in fields:
            image_id = getattr(page, f"{field}_id", None)
            if image_id in images:
                setattr(page, field, images[image_id])
    return pages


def is_visible_to(page, request):
    """Whether ``request`` passes every view restriction on ``page``."""
    return all(passes(r, request) for r in restrictions_on(page))
