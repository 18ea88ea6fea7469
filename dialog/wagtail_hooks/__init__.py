"""Admin integration of the dialog app, one module per domain."""

from . import (  # noqa: F401
    events,
    metadata,
    onboarding,
    working_groups,
)
