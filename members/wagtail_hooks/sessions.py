"""Active sessions: a profile link, and the sessions in export and erasure."""

from allauth.usersessions.models import UserSession
from wagtail import hooks

from ..services import sessions_end_all
from ..views import sessions_link

hooks.register("member_profile_links", sessions_link)


@hooks.register("member_data_export")
def export_sessions(user):
    return "sessions", [
        {
            "created_at": session.created_at.isoformat(),
            "last_seen_at": session.last_seen_at.isoformat()
            if session.last_seen_at
            else None,
            "ip": session.ip,
            "user_agent": session.user_agent,
        }
        for session in UserSession.objects.filter(user=user).order_by("created_at")
    ]


@hooks.register("member_data_erase")
def erase_sessions(user):
    sessions_end_all(user=user)
