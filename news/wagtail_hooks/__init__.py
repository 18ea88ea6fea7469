"""Admin integration of the news app, one module per domain."""

from . import (  # noqa: F401
    briefings,
    feeds,
    metadata,
    privacy,
    roles,
    subscriptions,
)
