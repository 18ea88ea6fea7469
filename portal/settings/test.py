from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "django-insecure-test-only"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests log superusers, coordinators and editors in with force_login; the second
# factor production requires of them is tested in tests/members/test_mfa.py.
PORTAL_MFA_REQUIRED_FOR_SUPERUSERS = False
PORTAL_MFA_REQUIRED_GROUPS = ["Administratoren"]
# Tests that build pages with factories publish no signals; the page cache is
# switched on only in the tests about it (tests/portal/test_page_cache.py).
PORTAL_PAGE_CACHE_SECONDS = 0
PORTAL_SEARCH_CACHE_SECONDS = 0  # on in tests/search/test_search_cache.py
# The immediate task backend would run the usage flush inside the request that
# enqueues it and count its queries against that page's budget; tests flush
# explicitly (tests/tracker/test_usage_counting.py switches it on).
PORTAL_USAGE_FLUSH_FROM_REQUESTS = False
