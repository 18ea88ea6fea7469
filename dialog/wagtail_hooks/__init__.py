"""Admin integration of the dialog app, one module per domain."""

from . import (  # noqa: F401
    events,
    forums,
    metadata,
    onboarding,
    working_groups,
)
