from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"

    def ready(self):
        from . import caching, checks, file_protection, renditions, routing  # noqa: F401

        renditions.connect_signals()
        caching.connect_signals()
        file_protection.connect_signals()
        routing.connect_signals()
