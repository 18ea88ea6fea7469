from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The platform: caching, routing, outbox, roles, … (see DESIGN.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    label = "core"

    def ready(self):
        from . import checks, file_protection, renditions  # noqa: F401
        from .caching import _purge, _routing

        renditions.connect_signals()
        _purge.connect_signals()
        file_protection.connect_signals()
        _routing.connect_signals()
