"""The shared cache in production: Redis, and the site keeps working without it.

The cache only ever speeds things up (whole pages, fragments, rate-limit
counters, cached sessions): when Redis is down or slow, django-redis answers
every read with a miss and drops every write (``IGNORE_EXCEPTIONS``) after a
short timeout, and ``add`` succeeds (``core.cache_backends``), so pages render
from the database, rate limits (ours and allauth's) let requests through and
sessions come from their database rows (``cached_db``).
``/healthz`` still reports the cache as down, so the balancer's monitor sees it.
"""

SOCKET_TIMEOUT_SECONDS = 0.5


def redis_caches(url: str, *, key_prefix: str) -> dict:
    return {
        "default": {
            "BACKEND": "core.cache_backends.FailSoftRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": SOCKET_TIMEOUT_SECONDS,
                "SOCKET_TIMEOUT": SOCKET_TIMEOUT_SECONDS,
            },
        }
    }


# Sessions are written to the database and read from the cache when it answers.
REDIS_SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
