from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content for development; the one app allowed to import every other."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
