from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-development-only-not-for-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]
# The demo's superuser "admin" opens the admin without a second factor on a
# laptop; production requires it (base.py).
PORTAL_MFA_REQUIRED_FOR_SUPERUSERS = False
