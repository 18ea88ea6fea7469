import dataclasses
import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from django.contrib.auth.models import Group
from django.core.mail import get_connection
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from .models import MEMBERS_COLLECTION_NAME, MEMBERS_GROUP_NAME
from .selectors import collection_is_private, files_on_page, used_elsewhere_in_public

logger = logging.getLogger(__name__)


def members_group_get() -> Group:
    group, _created = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    return group


@transaction.atomic
def page_members_only_set(*, page: Page, members_only: bool) -> None:
    """Restrict ``page`` to the members group, or lift that restriction.

    Other restrictions an editor set through the privacy dialog stay untouched.
    """
    group = members_group_get()
    restrictions = PageViewRestriction.objects.filter(
        page=page, restriction_type=PageViewRestriction.GROUPS, groups=group
    )
    if members_only and not restrictions.exists():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(group)
    elif not members_only:
        restrictions.delete()


@transaction.atomic
def members_collection_get() -> Collection:
    """The collection for files of members-only pages, private to the members group.

    Wagtail protects a file by its collection, not by the page that links it;
    this collection's privacy matches the members-only pages' restriction.
    Repeatable: makes what is missing, restores the members' restriction.
    """
    root = Collection.get_first_root_node()
    collection = (
        Collection.objects.filter(depth=2, name=MEMBERS_COLLECTION_NAME)
        .order_by("path")
        .first()
    ) or root.add_child(name=MEMBERS_COLLECTION_NAME)
    group = members_group_get()
    if not CollectionViewRestriction.objects.filter(
        collection=collection,
        restriction_type=CollectionViewRestriction.GROUPS,
        groups=group,
    ).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection,
            restriction_type=CollectionViewRestriction.GROUPS,
        )
        restriction.groups.add(group)
    return collection


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
    from .tasks import page_tree_files_protect_task

    transaction.on_commit(lambda: page_tree_files_protect_task.enqueue(page_id=page_id))


def renditions_prepare(*, image_ids) -> None:
    """Make the renditions of ``image_ids`` in the background once committed."""
    from .tasks import renditions_generate

    ids = sorted({int(pk) for pk in image_ids})
    if ids:
        transaction.on_commit(lambda: renditions_generate.enqueue(image_ids=ids))


def renditions_generate_now(*, image_ids: list[int]) -> int:
    """Every rendition the templates use for these images; returns how many exist.

    Safe to run twice: existing renditions are found, not made again.
    """
    from wagtail.images import get_image_model

    from .renditions import RENDITION_SPECS

    made = 0
    for image in get_image_model().objects.filter(pk__in=image_ids):
        try:
            made += len(image.get_renditions(*RENDITION_SPECS))
        except (OSError, ValueError):
            # A missing or broken file: the page shows no image either way.
            continue
    return made


def rows_claim(
    *, queryset, limit: int, field: str, queued: str, sending: str
) -> list[int]:
    """Mark up to ``limit`` queued rows of ``queryset`` as sending; return their ids.

    For outbox-like models: a state ``field`` and a ``claimed_at`` timestamp.
    On PostgreSQL parallel workers skip each other's locked rows; SQLite
    serialises writers anyway. Only rows the conditional update really moved
    count as claimed, so two workers never both send one row.
    """
    model = queryset.model
    now = timezone.now()
    with transaction.atomic():
        candidates = queryset.filter(**{field: queued}).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        ids = list(candidates.values_list("pk", flat=True)[:limit])
        claimed = model.objects.filter(pk__in=ids, **{field: queued}).update(
            **{field: sending, "claimed_at": now}
        )
    if claimed == len(ids):
        return ids
    return list(
        model.objects.filter(pk__in=ids, claimed_at=now, **{field: sending})
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def rows_retry_later(
    *,
    model,
    ids: list[int],
    error: Exception,
    field: str,
    queued: str,
    sending: str,
    failed: str,
    now: datetime | None = None,
    given_up: dict | None = None,
) -> None:
    """Put claimed rows the mail server could not take back in the queue, later.

    For outbox-like models with ``attempts``, ``next_attempt_at``,
    ``claimed_at`` and ``error`` besides the state ``field``: a row waits
    ``home.outbox.retry_delay`` and fails after ``home.outbox.MAX_ATTEMPTS``,
    with the changes in ``given_up`` (the outbox drops a mail's arguments). Only
    the error's class is kept: an SMTP message can name the address. Rows no
    longer sending are left alone.
    """
    from .outbox import MAX_ATTEMPTS, retry_delay

    reason = type(error).__name__[:300]
    now = now or timezone.now()
    waiting = model.objects.filter(pk__in=ids, **{field: sending})
    for attempts in set(waiting.values_list("attempts", flat=True)):
        rows = waiting.filter(attempts=attempts)
        if attempts + 1 >= MAX_ATTEMPTS:
            rows.update(
                **{field: failed},
                **(given_up or {}),
                attempts=attempts + 1,
                claimed_at=None,
                error=reason,
            )
        else:
            rows.update(
                **{field: queued},
                attempts=attempts + 1,
                next_attempt_at=now + retry_delay(attempts + 1),
                claimed_at=None,
                error=reason,
            )


def chunk_send(
    *,
    claim: Callable[[int], list[int]],
    send: Callable[[list[int], object], Iterable[int]],
    mark_sent: Callable[[list[int]], None],
    chunk_size: int,
    limit: int | None = None,
    unreachable: Callable[[list[int], Exception], None] | None = None,
) -> tuple[int, int]:
    """Send claimed rows chunk by chunk over one mail connection.

    ``claim(n)`` claims up to ``n`` rows (``rows_claim``) and returns their
    ids; ``send(ids, connection)`` yields the id of each row whose mail went
    out (it records refused and skipped rows itself); ``mark_sent(ids)``
    records a chunk as sent. Marking per chunk instead of per mail saves a
    commit per mail, and a claim only ever covers the chunk in flight. A
    worker stopping or crashing mid-chunk (any ``BaseException``) first
    records what it sent, so the sweep that takes back its claims repeats
    none of it; only a hard kill can repeat that one chunk. Stops after
    ``limit`` rows, if given. When the mail server cannot be reached,
    ``unreachable(ids, error)`` gets the claimed chunk back (to retry it
    later) and sending stops; without it the error propagates and the claim
    waits for the sweep. Returns the rows handled and the mails sent.
    """
    handled = sent = 0
    mail_connection = None
    try:
        while True:
            size = chunk_size if limit is None else min(chunk_size, limit - handled)
            ids = claim(size) if size > 0 else []
            if not ids:
                break
            handled += len(ids)
            if mail_connection is None:
                mail_connection = get_connection()
                try:
                    mail_connection.open()
                except Exception as error:
                    if unreachable is None:
                        raise
                    logger.warning("Mail server unreachable: %s", type(error).__name__)
                    unreachable(ids, error)
                    break
            done = []
            try:
                for pk in send(ids, mail_connection):
                    done.append(pk)
            except BaseException:
                _mark_while_dying(mark_sent, done)
                raise
            mark_sent(done)
            sent += len(done)
    finally:
        if mail_connection is not None:
            mail_connection.close()
    return handled, sent


def _mark_while_dying(mark_sent, ids):
    try:
        mark_sent(ids)
    except Exception:  # the database may be what failed
        logger.exception("Could not record %d sent mails", len(ids))


# The pages every public site needs; German drafts an editor must complete.
LEGAL_PAGES = {
    "privacy_page": {
        "slug": "datenschutz",
        "title": "Datenschutz",
        "intro": (
            "Entwurf: Wer verantwortlich ist, welche Daten das Portal wozu und wie "
            "lange speichert und wie Mitglieder sie herunterladen und löschen."
        ),
    },
    "accessibility_page": {
        "slug": "barrierefreiheit",
        "title": "Erklärung zur Barrierefreiheit",
        "intro": (
            "Entwurf: Stand der Vereinbarkeit mit WCAG 2.2 AA, bekannte Barrieren, "
            "Kontakt für Rückmeldungen und die Schlichtungsstelle."
        ),
    },
}


@transaction.atomic
def legal_pages_ensure(*, site=None) -> list[Page]:
    """Create the privacy and accessibility pages a site lacks, as drafts.

    A site that never ran ``load_demo`` has neither. They are drafts under the
    home page, not chosen in the site settings: an editor completes, publishes
    and chooses them (the dashboard warns until then). A page already chosen,
    or one with the slug under the home page, is left alone. Returns the pages
    created.
    """
    from wagtail.models import Site

    from .models import SiteSettings, StandardPage

    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    settings = SiteSettings.for_site(site)
    home = site.root_page
    created = []
    for field, spec in LEGAL_PAGES.items():
        if getattr(settings, f"{field}_id"):
            continue
        if home.get_children().filter(slug=spec["slug"]).exists():
            continue
        page = StandardPage(
            title=spec["title"], slug=spec["slug"], intro=spec["intro"], live=False
        )
        home.add_child(instance=page)
        page.save_revision()
        created.append(page)
    return created


def legal_pages_missing(*, site) -> list[str]:
    """The site settings fields of legal pages not chosen or not published."""
    from .models import SiteSettings

    settings = SiteSettings.for_site(site)
    missing = []
    for field in LEGAL_PAGES:
        page = getattr(settings, field)
        if page is None or not page.live:
            missing.append(field)
    return missing
