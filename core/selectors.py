import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from django.db.models.functions import Substr
from django.db.models.lookups import In
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
)

from .people import user_groups
from .request_memo import forget, remembered
from .versions import RESTRICTIONS_VERSION_KEY

RESTRICTIONS_TIMEOUT = 60 * 60 * 24


@dataclass(frozen=True)
class Restriction:
    """A page view restriction as the cache keeps it (the table is small)."""

    pk: int
    path: str
    restriction_type: str
    group_ids: frozenset


def view_restrictions():
    """Every page view restriction, from the cache: lists, the ``<head>`` and
    comment threads ask on every render and should not each query it.

    ``core.caching`` gives the list a new version when a restriction or its
    groups change. The process keeps the list of the current version, so a
    request reads only the version from the cache, not 300 restrictions.
    """
    return _restrictions()[0]


def _restrictions():
    """``(list, {path: [restriction, …]})`` once per request."""
    return remembered("view_restrictions", _current_view_restrictions)


def _current_view_restrictions():
    """Once per request (``core.request_memo``): the version from the cache,
    the list from the process, else from the cache, else from the database."""
    global _local_restrictions
    version = remembered(
        "restrictions_version", lambda: cache.get(RESTRICTIONS_VERSION_KEY)
    )
    if version is None:
        restrictions_changed()
        version = cache.get(RESTRICTIONS_VERSION_KEY)
    if _local_restrictions[0] == version:
        return _local_restrictions[1]
    key = f"portal:restrictions:{version}"
    restrictions = cache.get(key)
    if restrictions is None:
        restrictions = [
            Restriction(
                pk=restriction.pk,
                path=restriction.page.path,
                restriction_type=restriction.restriction_type,
                group_ids=frozenset(group.pk for group in restriction.groups.all()),
            )
            for restriction in PageViewRestriction.objects.select_related(
                "page"
            ).prefetch_related("groups")
        ]
        cache.set(key, restrictions, RESTRICTIONS_TIMEOUT)
    by_path = {}
    for restriction in restrictions:
        by_path.setdefault(restriction.path, []).append(restriction)
    _local_restrictions = (version, (restrictions, by_path))
    return _local_restrictions[1]


_local_restrictions = (None, ([], {}))


def restrictions_changed() -> None:
    """A new, never repeated version: one a cleared cache would start again
    from could match the list a process still keeps."""
    forget("view_restrictions")
    forget("restrictions_version")
    cache.set(RESTRICTIONS_VERSION_KEY, uuid.uuid4().hex, None)


def restrictions_on(page):
    """The restrictions on ``page`` and its ancestors: a look-up per level of
    the tree (a path has four characters per level), not a scan of the list."""
    by_path = _restrictions()[1]
    if not by_path:
        return []
    path = page.path
    found = []
    for end in range(PATH_STEP, len(path) + 1, PATH_STEP):
        found.extend(by_path.get(path[:end], ()))
    return found


# Wagtail's tree paths (treebeard ``MP_Node.steplen``).
PATH_STEP = 4


def _group_ids(user):
    return set(user_groups(user))


def passes(restriction, request) -> bool:
    """Wagtail's ``accept_request`` without a query per call."""
    user = request.user
    if restriction.restriction_type == PageViewRestriction.PASSWORD:
        session = getattr(request, "session", None)
        key = PageViewRestriction.passed_view_restrictions_session_key
        return session is not None and restriction.pk in session.get(key, [])
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if not user.is_authenticated:
            return False
        return user.is_superuser or bool(_group_ids(user) & restriction.group_ids)
    return True


def public(pages):
    """``pages.public()`` from the cached restrictions (no query of its own)."""
    return _exclude_below(pages, [r.path for r in view_restrictions()])


def visible_to(pages, user=None):
    """``pages`` narrowed to those ``user`` may open (page privacy included).

    Visitors get Wagtail's ``public()``. A member also sees pages restricted to a
    group they belong to, so members-only briefings show up in their lists and
    search. Password-protected pages never appear in lists.
    """
    if user is None or not user.is_authenticated:
        return public(pages)
    if user.is_superuser:
        return pages
    return _exclude_below(pages, _blocked_paths(user))


def audience_key(user) -> str:
    """Who ``visible_to`` shows the same pages: for cache keys of lists."""
    if user is None or not user.is_authenticated:
        return "public"
    if user.is_superuser:
        return "all"
    return "groups-" + "-".join(str(pk) for pk in sorted(user_groups(user)))


def below_any_q(paths):
    """``Q`` for the pages at or below any of ``paths`` (Wagtail tree paths).

    Wagtail's ``public()`` ORs one ``path LIKE 'p%'`` per restricted page, which
    PostgreSQL checks one after the other on every row: 300 members-only
    briefings cost ~0.4 s on a list of 10,000 pages. A path has 4 characters per
    level, so "at or below p" is "the first ``len(p)`` characters are p": one
    ``IN`` per distinct length, which PostgreSQL answers with a hash lookup.
    """
    by_length = {}
    for path in _outermost(paths):
        by_length.setdefault(len(path), []).append(path)
    below = Q()
    for length, prefixes in sorted(by_length.items()):
        below |= Q(In(Substr("path", 1, length), sorted(prefixes)))
    return below


def _exclude_below(pages, paths):
    below = _below_any_q_kept(tuple(paths))
    return pages.exclude(below) if below else pages


_kept_q = {}


def _below_any_q_kept(paths):
    """``below_any_q`` built once per process for each list of paths of the
    current restrictions (visitors share one, members one per group set):
    sorting 300 paths into a ``Q`` took longer than the query it filters."""
    version = _local_restrictions[0]
    key = (version, paths)
    below = _kept_q.get(key)
    if below is None:
        if len(_kept_q) > 64 or any(kept[0] != version for kept in _kept_q):
            _kept_q.clear()
        below = _kept_q[key] = below_any_q(paths)
    return below


def _outermost(paths):
    """``paths`` without those below another of them (already covered)."""
    kept = []
    for path in sorted(set(paths)):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def _blocked_paths(user):
    """Paths of the restricted subtrees ``user`` may not open.

    Kept on the user object, which lives for one request: a home or district
    page asks once per section and should not repeat the two queries each time.
    """
    if not hasattr(user, "_portal_blocked_paths"):
        user_groups = _group_ids(user)
        user._portal_blocked_paths = [
            restriction.path
            for restriction in view_restrictions()
            if not _passes(restriction, user_groups)
        ]
    return user._portal_blocked_paths


def _passes(restriction, user_groups):
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return True
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        return bool(user_groups & restriction.group_ids)
    return False


def in_language(items, locale):
    """``items`` in ``locale``, plus default-language items not yet translated into it.

    A Turkish calendar lists the Turkish events and, until they are translated,
    the German ones. Pass ``items`` already narrowed (live, visible): a draft or
    hidden translation does not replace the German item.
    """
    default = settings.LANGUAGE_CODE
    if locale is None:
        return items
    if locale.language_code == default:
        return items.filter(locale=locale)
    translated = items.filter(locale=locale).values("translation_key")
    return items.filter(
        Q(locale=locale)
        | Q(locale__language_code=default) & ~Q(translation_key__in=translated)
    )


def collection_is_private(collection) -> bool:
    """Whether ``collection`` or one above it has a view restriction."""
    return CollectionViewRestriction.objects.filter(
        collection__in=collection.get_ancestors(inclusive=True)
    ).exists()


def files_on_page(page) -> list:
    """The images and documents ``page`` (the instance, a draft too) refers to:
    file fields, chooser blocks and rich-text links, as the reference index sees
    them, read from the object itself so a draft not yet indexed counts."""
    ids = {}
    for model in (get_image_model(), get_document_model()):
        ids[ContentType.objects.get_for_model(model).pk] = (model, set())
    for (
        content_type_id,
        object_id,
        *_path,
    ) in ReferenceIndex._extract_references_from_object(page):
        if content_type_id in ids and object_id.isdigit():
            ids[content_type_id][1].add(int(object_id))
    return [
        file
        for model, pks in ids.values()
        for file in model.objects.filter(pk__in=pks)
        .select_related("collection")
        .order_by("title")
    ]


def used_elsewhere_in_public(file, *, page) -> bool:
    """Whether anything but ``page`` (and its own revisions) refers to ``file``
    where visitors may see it: a page without view restriction, or any other
    object (a snippet, a setting), whose audience we cannot tell."""
    references = ReferenceIndex.get_references_to(file).exclude(
        base_content_type=ReferenceIndex._get_base_content_type(page),
        object_id=str(page.pk),
    )
    page_type = ReferenceIndex._get_base_content_type(Page)
    if references.exclude(base_content_type=page_type).exists():
        return True
    page_ids = references.values_list("object_id", flat=True)
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).public().exists()
