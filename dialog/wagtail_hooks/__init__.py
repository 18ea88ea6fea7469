"""Admin integration of the dialog app, one module per domain."""

from . import (  # noqa: F401
    comments,
    events,
    metadata,
    onboarding,
    privacy,
    surveys,
    working_groups,
)
