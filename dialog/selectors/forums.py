from core.selectors import in_language, visible_to
from home.selectors import on_topic_q

from ..models.forums import ForumPage


def forums_on(*, topic, limit, user=None, locale=None):
    """Live forums on ``topic`` that ``user`` may see, the newest first."""
    forums = visible_to(ForumPage.objects.live(), user).filter(on_topic_q(topic))
    if locale is not None:
        forums = in_language(forums, locale)
    return forums.distinct().order_by("-first_published_at", "-pk")[:limit]
