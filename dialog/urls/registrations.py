"""URLs for registrations; names are prefixed ``registration_``."""

urlpatterns = []
