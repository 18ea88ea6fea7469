"""News articles and decision briefings notify their subscribers."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from subscriptions.registry import NotifiableKind

from ..models import BRIEFING_KIND, NEWS_KIND, DecisionBriefingPage, NewsArticlePage


@hooks.register("notifiable_page_kinds")
def notifiable_kinds():
    return [
        NotifiableKind(NEWS_KIND, _("News"), page_models=(NewsArticlePage,), order=10),
        NotifiableKind(
            BRIEFING_KIND,
            _("Decision briefings"),
            page_models=(DecisionBriefingPage,),
            order=20,
        ),
    ]
