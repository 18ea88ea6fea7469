from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page, Site
from wagtail.views import serve

from .caching._routing import route_request
from .health import database_check, health_report
from .i18n import relative_path
from .ratelimit import too_many_requests as rate_limited


def serve_with_fallback(request, path):
    """Wagtail's ``serve``; under /en/, /tr/, /ar/ untranslated pages come in German.

    Wagtail routes from the site root's translation in the active language. When
    that finds nothing, the path is routed again from the German root; the page
    found there is served (its template shows the fallback notice), or, if it
    has a translation under another slug, the visitor is sent there. A path that
    exists in no language stays a 404.
    """
    route_request(request, path)
    language = translation.get_language()
    if (
        language != settings.LANGUAGE_CODE
        and Page.route_for_request(request, path) is None
    ):
        _route_from_default_locale(request, path)
        route = request._wagtail_route_for_request
        if route is not None:
            translated = (
                route[0]
                .get_translations()
                .filter(locale__language_code=language)
                .live()
                .first()
            )
            if translated is not None:
                rest = path[len(relative_path(route[0])) :]
                return redirect(translated.get_url(request) + rest)
    return serve(request, path)


def _route_from_default_locale(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return
    root = site.root_page
    default_root = root.get_translation_or_none(Locale.get_default()) or root
    try:
        route = default_root.specific.route(
            request, [component for component in path.split("/") if component]
        )
    except Http404:
        return
    # Wagtail's serve() reads the route it cached on the request (documented in
    # Page.route_for_request); give it the German one.
    request._wagtail_route_for_request = route


def csrf_failure(request, reason=""):
    """A form's CSRF check failed: say so in the reader's language, keep a 403."""
    return render(request, "403_csrf.html", status=403)


def admin_forbidden_as_403(template_name, context=None):
    """Decorate a Wagtail admin view: ``PermissionDenied`` answers 403 with
    ``template_name``, where Wagtail would redirect to the dashboard instead."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied:
                return TemplateResponse(
                    request, template_name, dict(context or {}), status=403
                )

        return wrapped

    return decorator


class ForbiddenAs403ViewSetMixin:
    """For our ``ModelViewSet``s: every view the viewset builds answers a refused
    request with 403, where Wagtail would redirect to the dashboard."""

    forbidden_template_name = "core/admin/forbidden.html"

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        return admin_forbidden_as_403(self.forbidden_template_name)(view)


@never_cache
@require_GET
def livez(request):
    """200 while this process and the database answer, else 503 (balancers).

    Nothing else counts: a full or dead cache, a mail or worker outage keep
    every page working, and taking every web container out of rotation for
    them would turn one broken part into the whole site answering 503.
    """
    if database_check()["status"] == "ok":
        return JsonResponse({"status": "ok"})
    return JsonResponse({"status": "error"}, status=503)


@never_cache
@require_GET
def healthz(request):
    """200 when database, cache, task queue, outbox and store work, else 503
    (monitoring; the balancers ask ``livez``)."""
    healthy, report = health_report()
    return JsonResponse(report, status=200 if healthy else 503)


def too_many_requests(request, exception=None):
    """``handler429`` for allauth's limits: the same page as ours."""
    return rate_limited(request).render()
