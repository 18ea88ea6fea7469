from django.apps import AppConfig


class DialogConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "dialog"

    def ready(self):
        from .caching import connect_signals

        connect_signals()
