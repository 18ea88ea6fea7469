"""Admin integration of the members app, one module per domain."""

from . import mentoring, onboarding, pool, privacy, verification  # noqa: F401
