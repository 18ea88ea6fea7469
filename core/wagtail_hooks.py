"""Admin integration of the platform: audit log actions, files that follow a
page's audience, the sitemap's purge."""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .audit import ACTIONS
from .file_protection import page_files_protect
from .flash import lazy_format
from .services import MEMBERS_COLLECTION_NAME


@hooks.register("register_log_actions")
def register_personal_data_actions(actions):
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("purge_urls")
def sitemap_lists_every_page(page):
    return {"/sitemap.xml"}


def _titles(files) -> str:
    return ", ".join(f"“{file.title}”" for file in files)


# After news' briefing audience hook (order 0), which restricts a draft first.
@hooks.register("after_create_page", order=10)
@hooks.register("after_edit_page", order=10)
def protect_files_of_restricted_pages(request, page):
    """Files of a members-only page go into the members' collection; the editor
    hears about any file whose collection does not match the page's audience."""
    report = page_files_protect(page=page)
    collection = MEMBERS_COLLECTION_NAME
    if report.moved:
        messages.success(
            request,
            lazy_format(
                _(
                    "Only members can open these files now: %(files)s. They were "
                    "moved into the private collection “%(collection)s”."
                ),
                files=_titles(report.moved),
                collection=collection,
            ),
        )
    if report.public_on_restricted_page:
        messages.warning(
            request,
            lazy_format(
                _(
                    "This page is not public, but anyone can open these files of "
                    "it: %(files)s. They are in a public collection or also used "
                    "on public pages. If only members may see them, move them "
                    "into the collection “%(collection)s”."
                ),
                files=_titles(report.public_on_restricted_page),
                collection=collection,
            ),
        )
    if report.private_on_public_page:
        messages.warning(
            request,
            lazy_format(
                _(
                    "Visitors of this public page cannot open these files, which "
                    "are in a private collection: %(files)s."
                ),
                files=_titles(report.private_on_public_page),
            ),
        )
