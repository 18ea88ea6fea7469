"""Demo channel links: the WhatsApp channel and the newsletter (example addresses)."""

from wagtail.models import Site

from home.models import SiteSettings

CHANNELS = {
    "whatsapp_url": "https://whatsapp.com/channel/linke-berlin-example",
    "newsletter_url": "https://newsletter.example.org/linke-berlin",
}


def channels_load() -> int:
    """Set the demo channel links on the default site; 1 if anything changed."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if all(getattr(settings, key) == value for key, value in CHANNELS.items()):
        return 0
    for key, value in CHANNELS.items():
        setattr(settings, key, value)
    settings.save()
    return 1
