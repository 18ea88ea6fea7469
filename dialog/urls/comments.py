"""URLs for comments; names are prefixed ``comment_``."""

urlpatterns = []
