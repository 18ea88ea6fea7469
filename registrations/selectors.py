"""Reads about registrations: the state a page shows, the organisers' report."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.people import is_verified_member
from home.selectors import districts_managed_by, in_district_q

from .models import (
    CHILD_AGE_GROUPS,
    Registration,
    RegistrationMixin,
    RegistrationMode,
)


def registration_is_open(*, page: RegistrationMixin, now: datetime | None = None):
    """Whether the page takes registrations now (mode set, deadline not passed)."""
    if page.registration_mode == RegistrationMode.NONE:
        return False
    closes = page.registration_closes
    return closes is None or (now or timezone.now()) < closes


def seats_held(*, page: Page) -> int:
    return Registration.objects.filter(page_id=page.pk).holding_seats().count()


def waitlist_position(*, registration: Registration) -> int | None:
    """1 for the first waiting person; ``None`` for anyone not waiting."""
    if registration.status != Registration.Status.WAITING:
        return None
    ahead = Registration.objects.filter(
        page_id=registration.page_id, status=Registration.Status.WAITING
    ).filter(
        Q(queued_at__lt=registration.queued_at)
        | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def own_registration(*, page: Page, user) -> Registration | None:
    if user is None or not user.is_authenticated:
        return None
    return Registration.objects.filter(page_id=page.pk, user=user).active().first()


@dataclass
class RegistrationState:
    """What the registration section of a page shows to one person."""

    is_open: bool
    closes: datetime | None
    capacity: int | None
    seats_left: int | None
    waiting: int
    own: Registration | None = None
    own_position: int | None = None
    # "members_only" (visitor), "verification_needed" (account, not verified)
    refusal: str = ""
    is_dated: bool = True

    @property
    def is_full(self):
        return self.seats_left == 0


def registration_state(*, page: RegistrationMixin, user) -> RegistrationState:
    # Counted by PostgreSQL: a few rows, not one per registration.
    counts = Counter(
        dict(
            Registration.objects.filter(page_id=page.pk)
            .active()
            .order_by()
            .values("status")
            .annotate(number=Count("pk"))
            .values_list("status", "number")
        )
    )
    held = sum(counts[status] for status in Registration.HOLDING_SEAT)
    seats_left = None if page.capacity is None else max(page.capacity - held, 0)
    own = own_registration(page=page, user=user)
    refusal = ""
    if page.registration_mode == RegistrationMode.MEMBERS and own is None:
        if user is None or not user.is_authenticated:
            refusal = "members_only"
        elif not is_verified_member(user):
            refusal = "verification_needed"
    return RegistrationState(
        is_open=registration_is_open(page=page),
        closes=page.registration_closes,
        capacity=page.capacity,
        seats_left=seats_left,
        waiting=counts[Registration.Status.WAITING],
        own=own,
        own_position=waitlist_position(registration=own) if own else None,
        refusal=refusal,
        is_dated=page.registration_starts() is not None,
    )


def user_can_manage_registrations(user, page: Page) -> bool:
    """Organisers: the state office and superusers everywhere, district editors
    for pages filed in their districts (or any page they may edit)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or page.permissions_for_user(user).can_edit():
        return True
    model = page.specific_class
    has_district = any(f.name == "district" for f in model._meta.get_fields())
    within = Q()
    for district in districts_managed_by(user):
        within |= (
            in_district_q(district)
            if has_district
            else Q(path__startswith=district.path, depth__gt=district.depth)
        )
    return bool(within) and model.objects.filter(within, pk=page.pk).exists()


def age_group_label(age: int) -> str:
    for low, high, label in CHILD_AGE_GROUPS:
        if age >= low and (high is None or age <= high):
            return label
    return CHILD_AGE_GROUPS[-1][2]


@dataclass
class RegistrationReport:
    """Everything organisers see about one page's registrations."""

    by_status: dict = field(default_factory=dict)
    children_by_age_group: dict = field(default_factory=dict)
    children_total: int = 0
    step_free: list = field(default_factory=list)
    accessibility_other: list = field(default_factory=list)
    online: list = field(default_factory=list)
    seats_held: int = 0

    @property
    def sections(self):
        """(status, label, people), waiting and offered next to the confirmed."""
        order = ["confirmed", "offered", "waiting"]
        order += ["unconfirmed", "cancelled", "expired"]
        labels = dict(Registration.Status.choices)
        return [(status, labels[status], self.by_status[status]) for status in order]


def registration_list(*, page: Page):
    """All registrations of ``page`` in waitlist/registration order, with accounts."""
    return (
        Registration.objects.filter(page_id=page.pk)
        .select_related("user")
        .order_by("created_at", "pk")
    )


def registration_report(*, page: Page) -> RegistrationReport:
    """Lists per status; children, accessibility and online over the confirmed."""
    report = RegistrationReport(
        by_status={status: [] for status in Registration.Status.values},
        children_by_age_group={label: 0 for _low, _high, label in CHILD_AGE_GROUPS},
    )
    for registration in registration_list(page=page):
        report.by_status[registration.status].append(registration)
    report.by_status[Registration.Status.WAITING].sort(
        key=lambda r: (r.queued_at or r.created_at, r.pk)
    )
    for registration in report.by_status[Registration.Status.CONFIRMED]:
        for age in registration.children_ages:
            report.children_by_age_group[age_group_label(age)] += 1
            report.children_total += 1
        if registration.needs_step_free:
            report.step_free.append(registration)
        if registration.accessibility_other:
            report.accessibility_other.append(registration)
        if registration.online:
            report.online.append(registration)
    report.seats_held = sum(
        len(report.by_status[status]) for status in Registration.HOLDING_SEAT
    )
    return report


def registration_pages_for(user):
    """Pages with registrations that ``user`` organises, with counts per status."""
    pages = Page.objects.filter(pk__in=Registration.objects.values("page_id")).annotate(
        **{
            f"count_{status}": Count(
                "registrations", filter=Q(registrations__status=status)
            )
            for status in Registration.ACTIVE
        }
    )
    if user.is_superuser:
        return pages.order_by("title")
    within = Q()
    for permission in PagePermissionPolicy().get_cached_permissions_for_user(user):
        if permission.permission.codename == "change_page":
            within |= Q(path__startswith=permission.page.path)
    for district in districts_managed_by(user):
        within |= Q(path__startswith=district.path)
        for model in _models_filed_in_districts():
            within |= Q(pk__in=model.objects.filter(district=district).values("pk"))
    return pages.filter(within).order_by("title") if within else pages.none()


def _models_filed_in_districts():
    """Concrete page types taking registrations that have a ``district`` field."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, RegistrationMixin)
        and any(f.name == "district" for f in model._meta.get_fields())
    ]
