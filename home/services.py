"""The legal pages every public site needs."""

from django.db import transaction
from wagtail.models import Page, Site

from .models import SiteSettings, StandardPage

# The pages every public site needs; German drafts an editor must complete.
LEGAL_PAGES = {
    "privacy_page": {
        "slug": "datenschutz",
        "title": "Datenschutz",
        "intro": (
            "Entwurf: Wer verantwortlich ist, welche Daten das Portal wozu und wie "
            "lange speichert und wie Mitglieder sie herunterladen und löschen."
        ),
    },
    "accessibility_page": {
        "slug": "barrierefreiheit",
        "title": "Erklärung zur Barrierefreiheit",
        "intro": (
            "Entwurf: Stand der Vereinbarkeit mit WCAG 2.2 AA, bekannte Barrieren, "
            "Kontakt für Rückmeldungen und die Schlichtungsstelle."
        ),
    },
}


@transaction.atomic
def legal_pages_ensure(*, site=None) -> list[Page]:
    """Create the privacy and accessibility pages a site lacks, as drafts.

    A site that never ran ``load_demo`` has neither. They are drafts under the
    home page, not chosen in the site settings: an editor completes, publishes
    and chooses them (the dashboard warns until then). A page already chosen,
    or one with the slug under the home page, is left alone. Returns the pages
    created.
    """
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    settings = SiteSettings.for_site(site)
    home = site.root_page
    created = []
    for field, spec in LEGAL_PAGES.items():
        if getattr(settings, f"{field}_id"):
            continue
        if home.get_children().filter(slug=spec["slug"]).exists():
            continue
        page = StandardPage(
            title=spec["title"], slug=spec["slug"], intro=spec["intro"], live=False
        )
        home.add_child(instance=page)
        page.save_revision()
        created.append(page)
    return created


def legal_pages_missing(*, site) -> list[str]:
    """The site settings fields of legal pages not chosen or not published."""
    settings = SiteSettings.for_site(site)
    missing = []
    for field in LEGAL_PAGES:
        page = getattr(settings, field)
        if page is None or not page.live:
            missing.append(field)
    return missing
