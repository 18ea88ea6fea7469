from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"

    def ready(self):
        from . import caching, checks, renditions, routing  # noqa: F401 - checks

        renditions.connect_signals()
        caching.connect_signals()
        routing.connect_signals()
