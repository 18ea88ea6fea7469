"""URLs for subscriptions; names are prefixed ``subscription_``."""

urlpatterns = []
