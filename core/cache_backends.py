"""The Redis cache backend production uses (``portal.settings.caches``)."""

import logging

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)


class FailSoftRedisCache(RedisCache):
    """django-redis that lets ``add`` succeed while Redis is unreachable.

    With ``IGNORE_EXCEPTIONS`` a failed ``add`` answers ``None``, which callers
    using ``add`` as a lock read as "someone else holds it": allauth's rate
    limits then answer every login, sign-up and password reset with 429.
    Answering ``True`` lets them go on without a limit until Redis is back.
    """

    def add(self, *args, **kwargs):
        try:
            return self.client.add(*args, **kwargs)
        except ConnectionInterrupted:
            if not self._ignore_exceptions:
                raise
            logger.warning("Cache unreachable: add() goes on without the cache")
            return True
