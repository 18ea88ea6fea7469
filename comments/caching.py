"""Comments change what cached pages show (see ``core.caching``)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page

from core.caching import fragment_changed, purge_page_itself
from members.models import Profile

from .models import Comment


def comment_thread_name(page_id: int) -> str:
    return f"comments:{page_id}"


def _comment_changed(sender, instance, **kwargs):
    """Written, edited, approved, hidden or deleted: the thread and the page's
    cached renders are out of date."""
    comment_threads_changed([instance.page_id])


def comment_threads_changed(page_ids) -> None:
    """After the commit, drop the cached threads and renders of these pages
    (for bulk updates, which send no signals)."""
    page_ids = set(page_ids)

    def purge():
        for page_id in page_ids:
            fragment_changed(comment_thread_name(page_id))
        for page in Page.objects.filter(pk__in=page_ids):
            purge_page_itself(page)

    if page_ids:
        transaction.on_commit(purge)


def _profile_changed(sender, instance, **kwargs):
    """A new display name shows in every thread the member wrote in."""
    comment_threads_changed(
        Comment.objects.filter(author_id=instance.user_id)
        .values_list("page_id", flat=True)
        .distinct()
    )


def connect_signals() -> None:
    post_save.connect(
        _profile_changed, sender=Profile, dispatch_uid="portal_cache_comment_profile"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            _comment_changed,
            sender=Comment,
            dispatch_uid=f"portal_cache_comment_{signal is post_save}",
        )
