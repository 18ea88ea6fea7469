"""``PortalPage``: the abstract base of every page model of the portal."""

from wagtail.models import Page, PageViewRestriction

from core.selectors import restrictions_on


class PortalPage(Page):
    """Wagtail's ``Page`` whose view restrictions come from the cached list.

    Wagtail's ``check_view_restrictions`` asks every served page for its
    restrictions: one query for the ancestors, one for their rows. The cached
    list (``core.selectors.restrictions_on``) knows which apply; only a page
    that has one reads its rows (the password form needs the model). Aliases
    keep Wagtail's lookup, which follows them to their source page.
    """

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        if self.alias_of_id is not None:
            return super().get_view_restrictions()
        covering = [restriction.pk for restriction in restrictions_on(self)]
        if not covering:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=covering)
