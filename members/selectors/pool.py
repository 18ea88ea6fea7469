"""Who may search the volunteer pool, and whom a search may find."""

from django.db.models import Prefetch, Q
from django.utils import timezone

from core.people import MEMBERS_GROUP_NAME
from home.selectors import districts_coordinated_by

from ..models.pool import PoolEntry, PoolMessage

SEARCH_PERMISSION = "members.search_volunteer_pool"


def can_search_pool(user) -> bool:
    """Coordinators with the pool permission; their districts set what they find."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.has_perm(SEARCH_PERMISSION)


def pool_entry_for(user) -> PoolEntry | None:
    if user is None or not user.is_authenticated:
        return None
    return (
        PoolEntry.objects.filter(user=user)
        .prefetch_related("skills", "districts")
        .first()
    )


def pool_entries_contactable(today=None):
    """Entries whose member consented, is not paused and is still a verified member.

    Withdrawn consent, a running pause, a left pool (no entry) or a lost
    membership hide a person from every search and every message.
    """
    today = today or timezone.localdate()
    return PoolEntry.objects.filter(
        contact_consented_at__isnull=False,
        user__is_active=True,
        user__groups__name=MEMBERS_GROUP_NAME,
    ).filter(Q(paused=False) | Q(paused_until__lt=today))


def pool_entries_in_scope_of(user):
    """Entries offered for ``user``'s districts, whether contactable or not."""
    if not can_search_pool(user):
        return PoolEntry.objects.none()
    if user.is_superuser:
        return PoolEntry.objects.all()
    districts = districts_coordinated_by(user)
    offered = PoolEntry.objects.filter(districts__in=districts).values("pk")
    return PoolEntry.objects.filter(pk__in=offered)


def pool_entries_searchable_by(user):
    """What ``user`` may find: contactable entries offered for their districts."""
    contactable = pool_entries_contactable().values("pk")
    return pool_entries_in_scope_of(user).filter(pk__in=contactable)


def pool_search(*, user, skills=(), district=None, language="", availability=""):
    """The entries ``user`` may find, narrowed by the search form, by name."""
    entries = pool_entries_searchable_by(user)
    if skills:
        entries = entries.filter(
            pk__in=PoolEntry.objects.filter(skills__name__in=list(skills)).values("pk")
        )
    if district is not None:
        entries = entries.filter(
            pk__in=PoolEntry.objects.filter(districts=district).values("pk")
        )
    if language:
        entries = entries.filter(languages__has_key=language)
    if availability:
        entries = entries.filter(availability__has_key=availability)
    return (
        entries.select_related("user__profile")
        .prefetch_related("skills", Prefetch("districts"))
        .order_by("user__profile__display_name", "pk")
    )


def pool_messages_sent_by(user):
    return PoolMessage.objects.filter(sender=user).select_related("recipient__profile")


def pool_messages_received_by(user):
    return PoolMessage.objects.filter(recipient=user).select_related("sender__profile")


def pool_skill_names():
    """Every skill some entry carries, for the search form."""
    from taggit.models import Tag

    return (
        Tag.objects.filter(members_taggedpoolskill_items__isnull=False)
        .distinct()
        .order_by("name")
        .values_list("name", flat=True)
    )
