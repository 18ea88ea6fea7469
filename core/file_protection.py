"""Files follow a page's audience, also when no editor saves the page.

``after_edit_page`` (core/wagtail_hooks.py) protects the files of a page saved
in the editor (:func:`page_files_protect`). A restriction set in Wagtail's
privacy dialog, on a parent section, or a page moved under a restricted
section changes who may see pages nobody saves: their files are protected by a
task once the change is committed.
"""

import dataclasses

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save
from django_tasks import task
from wagtail.models import Collection, Page, PageViewRestriction
from wagtail.signals import post_page_move

from .selectors import collection_is_private, files_on_page, used_elsewhere_in_public
from .services import members_collection_get, members_group_get


@dataclasses.dataclass
class PageFiles:
    """What ``page_files_protect`` did and what the editor should look at."""

    moved: list = dataclasses.field(default_factory=list)
    public_on_restricted_page: list = dataclasses.field(default_factory=list)
    private_on_public_page: list = dataclasses.field(default_factory=list)


def _members_only(restrictions) -> bool:
    group = members_group_get()
    return any(
        restriction.restriction_type == PageViewRestriction.GROUPS
        and group in restriction.groups.all()
        for restriction in restrictions
    )


@transaction.atomic
def page_files_protect(*, page: Page) -> PageFiles:
    """Keep the files of a members-only page with the members.

    A file of a members-only page that sits in the root collection (where
    uploads from the page editor land unless the editor picks another) and
    that nothing public uses moves into the members' collection. Any other
    public file on a restricted page, and a private file on a public page, is
    reported so the editor can decide. Runs after every save in the editor.
    """
    report = PageFiles()
    files = files_on_page(page)
    if not files:
        return report
    restrictions = list(page.get_view_restrictions())
    if not restrictions:
        report.private_on_public_page = [
            file for file in files if collection_is_private(file.collection)
        ]
        return report
    members_only = _members_only(restrictions)
    root = Collection.get_first_root_node()
    for file in files:
        if collection_is_private(file.collection):
            continue
        if (
            members_only
            and file.collection_id == root.pk
            and not used_elsewhere_in_public(file, page=page)
        ):
            file.collection = members_collection_get()
            file.save(update_fields=["collection"])
            report.moved.append(file)
        else:
            report.public_on_restricted_page.append(file)
    return report


def page_tree_files_protect(*, page_id: int) -> int:
    """:func:`page_files_protect` for a page and every page below it.

    A restriction set in Wagtail's privacy dialog, on a parent section, or a
    page moved under one changes who may see pages nobody saved in the editor.
    Returns how many files moved; running it again moves nothing more.
    """
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    pages = page.get_descendants(inclusive=True).specific()
    return sum(len(page_files_protect(page=each).moved) for each in pages)


def page_tree_files_protect_later(*, page_id: int) -> None:
    """Run :func:`page_tree_files_protect` on a worker once committed."""
    transaction.on_commit(lambda: page_tree_files_protect_task.enqueue(page_id=page_id))


@task()
def page_tree_files_protect_task(page_id: int) -> int:
    """Files of a page and its subpages follow a changed restriction."""
    return page_tree_files_protect(page_id=page_id)


def _restriction_saved(sender, instance, **kwargs):
    page_tree_files_protect_later(page_id=instance.page_id)


def _restriction_groups_changed(sender, instance, action, **kwargs):
    if action == "post_add":
        page_tree_files_protect_later(page_id=instance.page_id)


def _page_moved(sender, instance, **kwargs):
    page_tree_files_protect_later(page_id=instance.pk)


def connect_signals() -> None:
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
