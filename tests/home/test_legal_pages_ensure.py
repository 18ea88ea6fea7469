"""A site without `load_demo` gets draft legal pages and a dashboard warning."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Site

from home.factories import StandardPageFactory
from home.models import SiteSettings, StandardPage
from home.services import legal_pages_ensure

pytestmark = pytest.mark.django_db

WARNING = "legal-pages-heading"  # the panel, in any interface language


def choose(privacy, accessibility):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = privacy
    settings.accessibility_page = accessibility
    settings.save()


def test_deploy_step_creates_both_pages_as_drafts_once(home_page):
    call_command("legal_pages_ensure", stdout=io.StringIO())
    call_command("legal_pages_ensure", stdout=io.StringIO())

    pages = StandardPage.objects.child_of(home_page).order_by("slug")
    assert [(p.slug, p.live) for p in pages] == [
        ("barrierefreiheit", False),
        ("datenschutz", False),
    ]
    assert all(page.get_latest_revision() for page in pages)


def test_pages_already_chosen_are_left_alone(home_page):
    privacy = StandardPageFactory(parent=home_page, slug="privacy", title="Privacy")
    accessibility = StandardPageFactory(parent=home_page, slug="a11y", title="A11y")
    choose(privacy, accessibility)

    assert legal_pages_ensure() == []


def test_the_dashboard_warns_until_both_are_published_and_chosen(
    client, superuser, home_page
):
    client.force_login(superuser)
    privacy, accessibility = legal_pages_ensure()

    assert WARNING in client.get("/admin/").content.decode()

    choose(privacy, accessibility)
    privacy.save_revision().publish()
    assert WARNING in client.get("/admin/").content.decode()  # one still a draft

    accessibility.save_revision().publish()
    assert WARNING not in client.get("/admin/").content.decode()


def test_editors_who_cannot_change_the_settings_see_no_warning(
    client, district_editor, home_page
):
    legal_pages_ensure()
    client.force_login(district_editor)

    assert WARNING not in client.get("/admin/").content.decode()
