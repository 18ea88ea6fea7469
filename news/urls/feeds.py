"""URLs for feeds; names are prefixed ``feed_``."""

urlpatterns = []
