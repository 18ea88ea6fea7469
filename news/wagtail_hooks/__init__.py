"""Admin integration of the news app, one module per domain."""

from . import briefings, metadata, privacy, roles, subscriptions  # noqa: F401
