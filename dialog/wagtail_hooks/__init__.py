"""Admin integration of the dialog app, one module per domain."""

from . import comments, events, metadata, onboarding, registrations  # noqa: F401
