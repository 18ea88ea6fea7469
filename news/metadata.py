"""schema.org data of news pages and of the association itself (JSON-LD).

Builders take a page and the request and return a plain dict; the ``<head>``
include renders them escaped. Other apps add their page types through the
``page_structured_data`` hook (see ``news.templatetags.metadata_tags``).
"""

from django.templatetags.static import static
from wagtail.models import Site

from home.models import HomePage
from home.selectors import site_settings

from .models import DecisionBriefingPage, NewsArticlePage
from .views.feeds import published_at

SCHEMA = "https://schema.org"


def absolute(request, url):
    """``url`` on the site's own address, like Wagtail's ``full_url`` of pages."""
    if not url or url.startswith(("http://", "https://")):
        return url or None
    site = Site.find_for_request(request)
    return site.root_url + url if site else request.build_absolute_uri(url)


def organization_data(request):
    """The state association as publisher, organizer and provider."""
    site = Site.find_for_request(request)
    settings = site_settings(request)
    data = {
        "@type": "Organization",
        "name": (site and site.site_name) or "Mitmachportal",
        "url": absolute(request, "/"),
        "logo": absolute(request, static("img/logo.svg")),
    }
    if same_as := [url for _name, url in settings.social_links]:
        data["sameAs"] = same_as
    if settings.contact_email:
        data["email"] = settings.contact_email
    return data


def image_url(request, image):
    if image is None:
        return None
    return absolute(request, image.get_rendition("fill-1200x630").url)


def home_page_data(page, request, organization):
    if not isinstance(page, HomePage):
        return None
    return {"@context": SCHEMA, **organization}


def news_page_data(page, request, organization):
    if not isinstance(page, NewsArticlePage | DecisionBriefingPage):
        return None
    description = page.teaser if isinstance(page, NewsArticlePage) else page.summary
    image = getattr(page, "image", None) or page.listing_image
    data = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": description,
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "publisher": organization,
        "author": organization,
        "keywords": [topic.name for topic in page.topic_list],
    }
    if published := published_at(page):
        data["datePublished"] = published.isoformat()
        data["dateModified"] = (page.last_published_at or published).isoformat()
    if url := image_url(request, image):
        data["image"] = [url]
    return data
