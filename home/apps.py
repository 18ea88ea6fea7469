from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"

    def ready(self):
        from core.caching import purge_everything_when_changed

        from .models import SiteSettings, Topic

        # Topics and site settings show on many pages: a change drops them all.
        purge_everything_when_changed(Topic, SiteSettings)
