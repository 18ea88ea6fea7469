"""The sitemap: Wagtail's, with the cached restriction list instead of ``.public()``."""

from wagtail.contrib.sitemaps import Sitemap

from .selectors import public


class PortalSitemap(Sitemap):
    def items(self):
        return public(
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
