"""Admin integration of the tracker, one module per domain."""

from . import agreements, evaluation  # noqa: F401
