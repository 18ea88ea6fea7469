"""Admin integration of the members app, one module per domain."""

from . import verification  # noqa: F401
