from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-development-only-not-for-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]
# The demo's superuser "admin", its coordinators and district editors open the
# admin without a second factor on a laptop; production requires it (base.py).
# PORTAL_MFA_REQUIRED_GROUPS="Koordination *" in the environment tries it out.
PORTAL_MFA_REQUIRED_FOR_SUPERUSERS = False
PORTAL_MFA_REQUIRED_GROUPS = env.list(  # noqa: F405
    "PORTAL_MFA_REQUIRED_GROUPS", default=["Administratoren"]
)
