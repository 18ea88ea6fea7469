"""Admin integration of the members app, one module per domain."""

from . import privacy, sessions, verification  # noqa: F401
