"""Topic pages: every topic of the language and everything filed under one."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .models import Topic, collect_sections


def _locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def topic_index(request):
    """Every topic of the current language (German ones where none exist)."""
    topics = list(Topic.objects.filter(locale=_locale()).order_by("name"))
    if not topics:
        topics = list(Topic.objects.filter(locale=Locale.get_default()))
    return render(request, "home/topic_index.html", {"topics": topics})


def topic_page(request, slug):
    """One topic: the sections the feature apps contribute (``topic_page_sections``)."""
    locale = _locale()
    topics = list(Topic.objects.filter(slug=slug).select_related("locale"))
    if not topics:
        raise Http404(_("There is no topic with this address."))
    topic = next((t for t in topics if t.locale_id == locale.pk), topics[0])
    sections = collect_sections(
        "topic_page_sections", request, topic=topic, locale=locale
    )
    links = [link for section in sections for link in section.get("links", ())]
    return render(
        request,
        "home/topic_page.html",
        {"topic": topic, "sections": sections, "links": links},
    )
