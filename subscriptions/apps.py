from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "subscriptions"

    def ready(self):
        from wagtail.signals import page_published

        from .tasks import notification_start

        def notify_on_first_publication(sender, instance, alias=False, **kwargs):
            if not alias:
                notification_start(page=instance)

        page_published.connect(
            notify_on_first_publication,
            weak=False,  # a local function: a weak reference would die with ready()
            dispatch_uid="subscriptions_notify_on_publish",
        )
