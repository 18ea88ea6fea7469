"""Admin integration of the news app, one module per domain."""

from . import briefings, metadata, notifications, roles  # noqa: F401
