"""Site URLs of the members app (mounted at ``/konto/``), one module per domain."""

from . import accounts, mentoring, pool

app_name = "members"

urlpatterns = [
    *accounts.urlpatterns,
    *pool.urlpatterns,
    *mentoring.urlpatterns,
]
