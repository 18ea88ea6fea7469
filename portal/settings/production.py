"""Production: every setting that differs comes from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env
from .caches import REDIS_SESSION_ENGINE, redis_caches
from .services import database_pool, storage_settings, task_settings

DEBUG = False

SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# >0: psycopg's pool of at most this many connections per process (see README,
# "Sizing"); 0: one persistent connection per thread (CONN_MAX_AGE).
DB_POOL_MAX_SIZE = env.int("DB_POOL_MAX_SIZE", default=0)
DATABASES["default"] = database_pool(DATABASES["default"], max_size=DB_POOL_MAX_SIZE)

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = redis_caches(
        REDIS_URL, key_prefix=env("CACHE_KEY_PREFIX", default="mitmach")
    )
    SESSION_ENGINE = REDIS_SESSION_ENGINE
    # Failures the cache ignores still reach the log.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# A CDN or caching proxy in front (Varnish, nginx): Wagtail's frontend cache
# sends it a PURGE for every URL core.caching drops.
FRONTEND_CACHE_URL = env("FRONTEND_CACHE_URL", default="")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }

# Empty: the database queue (worker `manage.py db_worker`); redis://host:port/db:
# RQ on Redis (worker `rqworker`). `manage.py run_worker` starts the right one.
TASKS_URL = env("TASKS_URL", default="")
vars().update(task_settings(TASKS_URL))

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default=DEFAULT_FROM_EMAIL)  # noqa: F405
SERVER_EMAIL = DEFAULT_FROM_EMAIL

MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(MEDIA_ROOT))  # noqa: F405

# Media on an S3-compatible store: uploads private (documents only through the
# portal), renditions public at S3_PUBLIC_URL or the store's address.
S3_BUCKET = env("S3_BUCKET", default="")
if S3_BUCKET:
    STORAGES.update(  # noqa: F405
        storage_settings(
            bucket=S3_BUCKET,
            endpoint_url=env("S3_ENDPOINT_URL", default=""),
            access_key_id=env("S3_ACCESS_KEY_ID", default=""),
            secret_access_key=env("S3_SECRET_ACCESS_KEY", default=""),
            region=env("S3_REGION", default="us-east-1"),
            public_url=env("S3_PUBLIC_URL", default=""),
        )
    )
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

BACKUP_REQUIRE_ENCRYPTION = True

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# Load balancers (/livez) and monitors (/healthz) ask over plain HTTP inside
# the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^livez$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}

# Usage counts (tracker) leave each process in one round trip every 5 seconds,
# not one per counted request; a killed worker loses at most those seconds.
PORTAL_USAGE_BUFFER_SECONDS = env.int("USAGE_BUFFER_SECONDS", default=5)
