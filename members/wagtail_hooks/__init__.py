"""Admin integration of the members app, one module per domain."""

from . import onboarding, privacy, verification  # noqa: F401
