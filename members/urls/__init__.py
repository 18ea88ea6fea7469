"""Site URLs of the members app (mounted at ``/konto/``), one module per domain."""

from . import accounts

app_name = "members"

urlpatterns = [
    *accounts.urlpatterns,
]
