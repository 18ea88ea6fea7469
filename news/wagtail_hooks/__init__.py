"""Admin integration of the news app, one module per domain."""

from . import briefings, feeds, metadata, notifications, roles  # noqa: F401
