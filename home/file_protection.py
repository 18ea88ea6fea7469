"""Files follow a page's audience also when no editor saves the page.

``after_edit_page`` (home/wagtail_hooks.py) protects the files of a page saved
in the editor. A restriction set in Wagtail's privacy dialog, on a parent
section, or a page moved under a restricted section changes who may see pages
nobody saves: their files are protected by a task once the change is committed.
"""

from .services import page_tree_files_protect_later


def _restriction_saved(sender, instance, **kwargs):
    page_tree_files_protect_later(page_id=instance.page_id)


def _restriction_groups_changed(sender, instance, action, **kwargs):
    if action == "post_add":
        page_tree_files_protect_later(page_id=instance.page_id)


def _page_moved(sender, instance, **kwargs):
    page_tree_files_protect_later(page_id=instance.pk)


def connect_signals() -> None:
    from django.db.models.signals import m2m_changed, post_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import post_page_move

    post_save.connect(
        _restriction_saved,
        sender=PageViewRestriction,
        dispatch_uid="portal_files_restriction_saved",
    )
    m2m_changed.connect(
        _restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="portal_files_restriction_groups",
    )
    post_page_move.connect(_page_moved, dispatch_uid="portal_files_page_moved")
