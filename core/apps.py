from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The platform: caching, routing, outbox, roles, … (see DESIGN.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    label = "core"

    def ready(self):
        from . import caching, checks, file_protection, renditions, routing  # noqa: F401

        renditions.connect_signals()
        caching.connect_signals()
        file_protection.connect_signals()
        routing.connect_signals()
