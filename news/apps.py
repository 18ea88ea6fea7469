from django.apps import AppConfig


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"

    def ready(self):
        from wagtail.signals import page_published

        from .models import DecisionBriefingPage
        from .services import briefing_audience_sync

        def sync_audience_on_publish(sender, instance, **kwargs):
            briefing_audience_sync(page=instance)

        page_published.connect(
            sync_audience_on_publish,
            sender=DecisionBriefingPage,
            weak=False,  # a local function: a weak reference would die with ready()
            dispatch_uid="news_briefing_audience_on_publish",
        )
