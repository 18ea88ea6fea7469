"""Admin integration of the members app, one module per domain."""

from . import pool, privacy, verification  # noqa: F401
