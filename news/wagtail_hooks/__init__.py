"""Admin integration of the news app, one module per domain."""

from . import briefings, subscriptions  # noqa: F401
