"""The ``<head>`` of every page: canonical address, Open Graph, JSON-LD, feeds."""

import json
from urllib.parse import quote, urlencode

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page, Site

from core.selectors import restrictions_on
from home.models import DistrictPage

from ..metadata import image_url, organization_data
from ..models import DecisionBriefingPage, NewsArticlePage

register = template.Library()

OG_LOCALES = {"de": "de_DE", "en": "en_GB", "tr": "tr_TR", "ar": "ar_AR"}

# The escapes of Django's json_script: "</script>" in a title stays text.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def is_restricted(page):
    """Whether ``page`` or an ancestor has a view restriction (cached list)."""
    return bool(restrictions_on(page))


def site_name(request):
    site = Site.find_for_request(request)
    return (site and site.site_name) or "Mitmachportal"


def _description(page):
    for name in ("search_description", "listing_summary", "teaser", "summary"):
        if value := getattr(page, name, ""):
            return value
    intro = getattr(page, "intro", "")
    return intro if isinstance(intro, str) and "<" not in intro else ""


@register.simple_tag(takes_context=True)
def page_metadata(context, page=None):
    """What the meta include shows; members-only pages give only their title."""
    request = context["request"]
    language = (get_language() or "de").split("-")[0]
    meta = {
        "site_name": site_name(request),
        "og_locale": OG_LOCALES.get(language, language),
    }
    if not isinstance(page, Page) or not page.pk:
        return meta
    if page_language := getattr(getattr(page, "locale", None), "language_code", ""):
        meta["og_locale"] = OG_LOCALES.get(page_language, page_language)
    meta["title"] = page.seo_title or page.title
    if page_language and page_language != language:
        # A German page shown under /tr/ as a fallback: the original is canonical,
        # not the prefixed address this request announces for it.
        meta["canonical"] = page.get_full_url()
    else:
        meta["canonical"] = page.get_full_url(request)
    if is_restricted(page):
        meta["noindex"] = True
        return meta
    meta["description"] = _description(page)
    is_article = isinstance(page, NewsArticlePage | DecisionBriefingPage)
    meta["og_type"] = "article" if is_article else "website"
    if is_article and page.first_published_at:
        meta["published"] = page.first_published_at.isoformat()
    image = getattr(page, "listing_image", None) or getattr(page, "image", None)
    meta["image"] = image_url(request, image)
    if meta["image"]:
        meta["image_alt"] = image.default_alt_text
    organization = organization_data(request)
    meta["structured_data"] = [
        data
        for builder in hooks.get_hooks("page_structured_data")
        if (data := builder(page, request, organization))
    ]
    return meta


@register.simple_tag
def json_ld(data):
    """``data`` as a JSON-LD block, escaped like ``json_script``."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308
    )


@register.simple_tag(takes_context=True)
def feed_links(context, page=None):
    """Feeds to announce in the head: all news and briefings, plus a district's."""
    site = site_name(context["request"])
    links = [
        (
            _("%(site)s: News") % {"site": site},
            "news:feed_news_rss",
            "news:feed_news_atom",
            [],
        ),
        (
            _("%(site)s: Decision briefings") % {"site": site},
            "news:feed_briefings_rss",
            "news:feed_briefings_atom",
            [],
        ),
    ]
    if isinstance(page, DistrictPage) and not is_restricted(page):
        links.append(
            (
                _("%(site)s: %(district)s") % {"site": site, "district": page.title},
                "news:feed_district_rss",
                "news:feed_district_atom",
                [page.slug],
            )
        )
    return [
        {
            "title": title,
            "rss": reverse(rss, args=args),
            "atom": reverse(atom, args=args),
        }
        for title, rss, atom, args in links
    ]


@register.simple_tag(takes_context=True)
def share_links(context, page):
    """Plain share links: nothing loads from a network before a click.

    Members-only pages get none; their title is not for the public.
    """
    request = context["request"]
    if not isinstance(page, Page) or not page.pk or is_restricted(page):
        return []
    url = page.get_full_url(request)
    title = page.seo_title or page.title
    text = f"{title} {url}"
    mail = "mailto:?" + urlencode({"subject": title, "body": text}, quote_via=quote)
    links = [
        (_("Email"), mail),
        ("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": text})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": text})),
        (
            "Telegram",
            "https://t.me/share/url?" + urlencode({"url": url, "text": title}),
        ),
        (
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
    ]
    return [{"name": name, "href": href} for name, href in links]
