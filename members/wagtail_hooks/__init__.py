"""Admin integration of the members app, one module per domain."""

from . import mentoring, onboarding, pool, privacy, sessions, verification  # noqa: F401
