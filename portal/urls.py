from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents import urls as wagtaildocs_urls

from core.sitemaps import PortalSitemap
from core.views import healthz, livez, serve_with_fallback
from dialog.views.calendar_feeds import calendar_json
from members.views import admin_login_redirect, admin_password_reset_redirect
from search.api import (
    PortalDocumentsAPIViewSet,
    PortalImagesAPIViewSet,
    PortalPagesAPIViewSet,
)

handler429 = "core.views.too_many_requests"

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)

urlpatterns = [
    path("livez", livez, name="livez"),
    path("healthz", healthz, name="healthz"),
    path("admin/login/", admin_login_redirect),
    re_path(r"^admin/password_reset/", admin_password_reset_redirect),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("api/v2/kalender/", calendar_json, name="api_calendar"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# German without a prefix (the URLs stay as they were), /en/, /tr/ and /ar/ for
# the other languages. Wagtail serves the pages of the prefix's locale and falls
# back to the German page where no translation exists (core.views).
urlpatterns += i18n_patterns(
    path("suche/", include("search.urls")),
    path("konto/", include("members.urls")),
    path("konto/", include("allauth.urls")),
    path("mitmachen/kommentare/", include("comments.urls")),
    path("mitmachen/umfragen/", include("surveys.urls")),
    path("mitmachen/anmeldung/", include("registrations.urls")),
    path("mitmachen/", include("dialog.urls")),
    path("rueckmeldung/", include("tracker.urls")),
    path("abonnieren/", include("subscriptions.urls")),
    path("feeds/", include("dialog.urls.feeds")),
    path("themen/", include("home.urls")),
    path("", include("news.urls")),
    *[url for url in wagtail_urls.urlpatterns if url.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, serve_with_fallback, name="wagtail_serve"),
    prefix_default_language=False,
)
