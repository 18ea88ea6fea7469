"""Demo comments: a briefing, a news article and a forum with discussions to moderate.

Keyed by page, author and text, so running ``load_demo`` again changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale

from comments.models import (
    Comment,
    CommentMode,
    CommentReport,
    ModerationMode,
    normalize_comment_text,
)
from core.roles import PRESS_GROUP_NAME
from dialog.models import ForumPage
from news.models import DecisionBriefingPage, NewsArticlePage

from . import content

PRESS_GROUP = PRESS_GROUP_NAME

# page key, mode, moderation
PAGE_MODES = {
    "briefing": (CommentMode.MEMBERS, ModerationMode.PRE),
    "article": (CommentMode.LOGGED_IN, ModerationMode.POST),
    "forum": (CommentMode.MEMBERS, ModerationMode.PRE),
}

# page key, author, text, status, hours ago, start of the answered text or None
COMMENTS = [
    (
        "briefing",
        "mitglied",
        "Bei uns im Haus sind die Mieten seit 2020 schon zweimal gestiegen. "
        "Gut, dass wir das vor der Entscheidung erfahren – ich nehme die "
        "Argumente zur Mieterversammlung mit.",
        Comment.Status.APPROVED,
        30,
        None,
    ),
    (
        "briefing",
        "admin",
        "Danke! Die Handzettel-Ansicht (Druckansicht) passt auf zwei Seiten, "
        "falls ihr sie auslegen wollt.",
        Comment.Status.APPROVED,
        28,
        "Bei uns im Haus",
    ),
    (
        "briefing",
        "mitglied",
        "Gibt es Zahlen, wie viele Haushalte in Lichtenberg betroffen sind?",
        Comment.Status.PENDING,
        2,
        None,
    ),
    (
        "article",
        "mitglied",
        "Super Aktion! Nächstes Mal bin ich dabei. Infos auch unter "
        "https://example.org/mitmachen",
        Comment.Status.APPROVED,
        50,
        None,
    ),
    (
        "article",
        "admin",
        "Das ist doch alles nur Show, ihr seid genauso wie die anderen!!!",
        Comment.Status.APPROVED,
        20,
        None,
    ),
    (
        "forum",
        "mitglied",
        "In Marzahn fehlt vor allem ein Ort, an dem man sich ohne Verzehrzwang "
        "treffen kann. Könnten wir die Geschäftsstelle abends öffnen?",
        Comment.Status.APPROVED,
        72,
        None,
    ),
    (
        "forum",
        "bezirk-fk",
        "In Kreuzberg machen wir das donnerstags – gerne tauschen wir uns "
        "über Schlüssel und Aufsicht aus.",
        Comment.Status.APPROVED,
        60,
        "In Marzahn fehlt",
    ),
    (
        "forum",
        "mitglied",
        "Und Kinderbetreuung bei den Mitgliederversammlungen!",
        Comment.Status.PENDING,
        1,
        None,
    ),
]

# page key, comment text (start), reporter, reason, details
REPORTS = [
    (
        "article",
        "Das ist doch alles nur Show",
        "mitglied",
        CommentReport.Reason.INSULT,
        "Pauschal und ohne Bezug zum Artikel.",
    ),
]


def demo_comments() -> None:
    pages = _demo_pages()
    for key, page in pages.items():
        mode, moderation = PAGE_MODES[key]
        if page.comments_mode != mode or page.moderation != moderation:
            page.comments_mode, page.moderation = mode, moderation
            page.save_revision().publish()

    press = Group.objects.filter(name=PRESS_GROUP).first()
    if press is not None:
        press.permissions.add(
            Permission.objects.get(
                content_type__app_label="comments", codename="moderate_all_comments"
            )
        )

    users = {user.username: user for user in get_user_model().objects.all()}
    now = timezone.now()
    written = {}
    for key, username, body, status, hours_ago, reply_to in COMMENTS:
        parent = next(
            (
                earlier
                for (page_key, text), earlier in written.items()
                if reply_to and page_key == key and text.startswith(reply_to)
            ),
            None,
        )
        comment, _created = Comment.objects.get_or_create(
            page=pages[key],
            author=users[username],
            body=body,
            defaults={
                "parent": parent,
                "status": status,
                "body_normalized": normalize_comment_text(body),
                "created_at": now - datetime.timedelta(hours=hours_ago),
            },
        )
        written[(key, body)] = comment

    for key, start, username, reason, text in REPORTS:
        comment = Comment.objects.get(page=pages[key], body__startswith=start)
        CommentReport.objects.get_or_create(
            comment=comment,
            reporter=users[username],
            resolved_at=None,
            defaults={"reason": reason, "text": text},
        )


def _demo_pages():
    briefing_slug = next(
        spec["slug"] for spec in content.BRIEFINGS if spec["audience"] == "public"
    )
    german = Locale.get_default()  # the briefing also has en/tr/ar translations
    return {
        "briefing": DecisionBriefingPage.objects.get(slug=briefing_slug, locale=german),
        "article": NewsArticlePage.objects.get(
            slug=content.NEWS[0]["slug"], locale=german
        ),
        "forum": ForumPage.objects.get(slug=content.FORUMS[0]["slug"], locale=german),
    }
