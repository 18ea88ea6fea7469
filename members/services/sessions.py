"""Ending a member's sessions (allauth's user sessions)."""

from allauth.usersessions.models import UserSession
from django.db import transaction


@transaction.atomic
def sessions_end_all(*, user) -> int:
    """End every session of ``user`` on every device; how many were ended."""
    sessions = list(UserSession.objects.filter(user=user))
    for session in sessions:
        session.end()
    return len(sessions)
