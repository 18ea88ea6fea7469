"""Admin integration of the dialog app, one module per domain."""

from . import comments, events, registrations  # noqa: F401
