"""Admin integration of the members app, one module per domain."""

from . import privacy, verification  # noqa: F401
