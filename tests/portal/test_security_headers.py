"""Content Security Policy and the other protective headers."""

import re

import pytest
from django.urls import reverse

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)")


def csp(response):
    return {
        directive.split()[0]: directive.split()[1:]
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    }


def test_public_pages_allow_only_the_portals_own_scripts(client, home_page):
    policy = csp(client.get("/"))

    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/suche/?q=miete",
        "/abonnieren/",
        "/konto/anmelden/",
        "/konto/registrieren/",
        "/konto/passwort-vergessen/",
    ],
)
def test_public_pages_have_no_inline_script(client, home_page, url):
    response = client.get(url)

    assert response.status_code == 200
    assert not INLINE_SCRIPT.search(response.text)
    assert " style=" not in response.text


def test_pages_of_every_type_have_no_inline_script(
    client, public_briefing, event_index, course_index, district
):
    for page in (public_briefing, public_briefing.get_parent(), event_index, district):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert not INLINE_SCRIPT.search(response.text), page.url


def test_the_admin_gets_its_wider_policy_and_still_renders(
    client, superuser, public_briefing
):
    client.force_login(superuser)

    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[public_briefing.pk]),
        reverse("wagtailadmin_explore", args=[public_briefing.get_parent().pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = csp(response)
        assert "'unsafe-inline'" in policy["script-src"]
        assert policy["frame-ancestors"] == ["'self'"]


def test_every_response_switches_off_unused_browser_features(client, home_page):
    response = client.get("/")

    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_production_settings_harden_cookies_and_transport():
    import os
    import subprocess
    import sys

    script = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_HSTS_INCLUDE_SUBDOMAINS,"
        " s.SECURE_HSTS_PRELOAD, s.SECURE_REDIRECT_EXEMPT)"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )

    expected = "True True True True True True ['^healthz$', '^livez$']"
    assert result.stdout.strip() == expected
