from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.images import get_image_model
        from wagtail.signals import page_published

        from .renditions import image_ids_of_page
        from .services import renditions_prepare

        def renditions_on_upload(sender, instance, raw=False, **kwargs):
            if not raw:
                renditions_prepare(image_ids=[instance.pk])

        post_save.connect(
            renditions_on_upload,
            sender=get_image_model(),
            weak=False,  # a local function: a weak reference would die with ready()
            dispatch_uid="home_renditions_on_image_upload",
        )

        def renditions_on_publish(sender, instance, **kwargs):
            renditions_prepare(image_ids=image_ids_of_page(instance.specific))

        page_published.connect(
            renditions_on_publish,
            weak=False,
            dispatch_uid="home_renditions_on_page_publish",
        )
        from .caching import connect_signals

        connect_signals()
