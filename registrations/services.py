"""Registration rules: modes, deadline, seats, waitlist offers, guest opt-in.

Every function that changes who holds a seat first locks the page's row
(``select_for_update`` on ``wagtailcore_page``), so concurrent registrations
for one page run one after the other and the count of seats held is exact.
Mails are sent by a task enqueued once the transaction commits.
"""

import functools
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page

from core.caching import purge_page_itself
from core.outbox import mail_enqueue
from core.people import is_verified_member
from core.ratelimit import recipient_limit_check
from core.retention import retention_period

from .models import (
    MAX_CHILD_AGE,
    MAX_CHILDREN,
    Registration,
    RegistrationMode,
)
from .selectors import registration_is_open

Status = Registration.Status

OFFER_VALID_FOR = timedelta(hours=48)
GUEST_CONFIRM_WITHIN = timedelta(hours=48)
CANCEL_LINK_VALID_FOR = timedelta(days=400)
BATCH = 500
# What an anonymised registration keeps of the person: nothing.
ANONYMOUS = {
    "user": None,
    "name": "",
    "email": "",
    "organisation": "",
    "language": "",
    "children_ages": [],
    "needs_step_free": False,
    "accessibility_other": "",
}

# The salts keep the names they had in the dialog app: links already mailed
# stay valid.
TOKEN_PURPOSES = {
    # purpose: (salt, max_age)
    "confirm": ("dialog.registration.confirm", GUEST_CONFIRM_WITHIN),
    "accept": ("dialog.registration.accept", OFFER_VALID_FOR),
    "cancel": ("dialog.registration.cancel", CANCEL_LINK_VALID_FOR),
}


class RegistrationError(Exception):
    """A rule refused the request; ``message`` is shown to the person."""

    def __init__(self, message, *, code, status=400):
        super().__init__(str(message))
        self.message = message
        self.code = code
        self.status = status


def _closed():
    return RegistrationError(_("Registration is closed."), code="closed", status=409)


def members_only_error():
    return RegistrationError(
        _("Only members may register. Please log in."),
        code="members_only",
        status=403,
    )


def token_invalid_error():
    return RegistrationError(
        _("This link is not valid. Please copy the whole link from the mail."),
        code="token_invalid",
        status=400,
    )


def token_expired_error():
    return RegistrationError(
        _("This link has expired."), code="token_expired", status=410
    )


def token_used_error():
    return RegistrationError(
        _("This link has already been used."), code="token_used", status=410
    )


@dataclass
class RegistrationAnswers:
    """What a person answered; questions the page does not ask are dropped."""

    children_ages: list[int] = field(default_factory=list)
    needs_step_free: bool = False
    accessibility_other: str = ""
    online: bool = False


@dataclass
class Guest:
    name: str
    email: str
    organisation: str = ""


# -- tokens -----------------------------------------------------------------


def registration_token(*, registration: Registration, purpose: str) -> str:
    salt, _max_age = TOKEN_PURPOSES[purpose]
    return signing.dumps(registration.pk, salt=salt)


def registration_from_token(*, token: str, purpose: str) -> Registration:
    """The registration a signed link names; forged → 400, too old → 410."""
    salt, max_age = TOKEN_PURPOSES[purpose]
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise token_expired_error() from error
    except signing.BadSignature as error:
        raise token_invalid_error() from error
    if not isinstance(pk, int):
        raise token_invalid_error()
    registration = (
        Registration.objects.select_related("page", "user").filter(pk=pk).first()
    )
    if registration is None:
        raise token_invalid_error()
    return registration


def registration_link(*, registration: Registration, purpose: str) -> str:
    token = registration_token(registration=registration, purpose=purpose)
    return _absolute(reverse(f"registrations:registration_{purpose}", args=[token]))


def _absolute(url: str) -> str:
    """Mails link to the public base address (``WAGTAILADMIN_BASE_URL``)."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


# -- registering --------------------------------------------------------------


def _lock_page(page: Page) -> None:
    """Serialize all seat changes of one page on its ``wagtailcore_page`` row.

    The page's cached renders show free seats and the waiting list, so they
    are dropped once the change is committed.
    """
    list(Page.objects.select_for_update().filter(pk=page.pk).values_list("pk"))
    transaction.on_commit(functools.partial(purge_page_itself, page))


def _has_free_seat(page) -> bool:
    if page.capacity is None:
        return True
    held = Registration.objects.filter(page_id=page.pk).holding_seats().count()
    return held < page.capacity


def _clean_answers(page, answers: RegistrationAnswers) -> dict:
    ages = list(answers.children_ages) if page.childcare_offered else []
    if len(ages) > MAX_CHILDREN or any(
        not isinstance(age, int) or not 0 <= age <= MAX_CHILD_AGE for age in ages
    ):
        raise RegistrationError(
            _("Please give the age of each child (0 to 17)."), code="children"
        )
    asks_access = page.accessibility_questions
    return {
        "children_ages": ages,
        "needs_step_free": answers.needs_step_free and asks_access,
        "accessibility_other": answers.accessibility_other.strip()[:500]
        if asks_access
        else "",
        "online": answers.online
        and page.online_participation_offered
        and page.offers_hybrid_participation(),
    }


def _existing(page, *, user, email):
    registrations = Registration.objects.filter(page_id=page.pk).active()
    if user is not None:
        return registrations.filter(user=user).first()
    return registrations.filter(email__iexact=email).first()


def _take_seat_or_queue(registration: Registration, *, now: datetime) -> str:
    """Confirm if a seat is free, else put at the end of the waiting list.

    Returns the kind of mail to send once the registration is saved.
    """
    if _has_free_seat(registration.page.specific):
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
        return "confirmed"
    registration.status = Status.WAITING
    registration.queued_at = now
    return "waiting"


def registration_create(
    *,
    page,
    user=None,
    guest: Guest | None = None,
    answers: RegistrationAnswers | None = None,
    language: str = "",
    now: datetime | None = None,
) -> tuple[Registration, bool]:
    """Register ``user`` (or a ``guest`` without account) for ``page``.

    Returns the registration and whether it is new: a repeated submit returns
    the person's active registration instead of a second one. Members-only
    pages need a verified member; guests hold no seat until they confirm the
    mailed link, and an address that had its share of such mails
    (``PORTAL_RATE_LIMITS["registration_mail"]``) raises ``RecipientLimited``;
    a full page puts people on the waiting list in order.
    """
    now = now or timezone.now()
    if user is not None and not user.is_authenticated:
        user = None
    if not registration_is_open(page=page, now=now):
        raise _closed()
    if page.registration_mode == RegistrationMode.MEMBERS and not is_verified_member(
        user
    ):
        if user is None:
            raise members_only_error()
        raise RegistrationError(
            _("Your membership has to be verified before you can register."),
            code="verification_needed",
            status=403,
        )
    if user is None and (guest is None or not guest.name or not guest.email):
        raise RegistrationError(
            _("Please give your name and email address."), code="guest_details"
        )
    cleaned = _clean_answers(page, answers or RegistrationAnswers())
    email = "" if user is not None else guest.email.strip()
    try:
        with transaction.atomic():
            _lock_page(page)
            existing = _existing(page, user=user, email=email)
            if existing is not None:
                return existing, False
            registration = Registration(
                page=page,
                user=user,
                name="" if user is not None else guest.name.strip(),
                email=email,
                organisation="" if user is not None else guest.organisation.strip(),
                language=language,
                created_at=now,
                consent_at=now,
                **cleaned,
            )
            if user is None:
                # Raises RecipientLimited: the address had its mails already.
                recipient_limit_check("registration_mail", email=email, page_id=page.pk)
                registration.status = Status.UNCONFIRMED
                kind = "confirm"
            else:
                kind = _take_seat_or_queue(registration, now=now)
            registration.save()
            _mail(registration, kind)
            return registration, True
    except IntegrityError:
        # Only reachable without row locks (a race the constraint caught).
        existing = _existing(page, user=user, email=email)
        if existing is None:
            raise
        return existing, False


def registration_confirm_guest(
    *, registration: Registration, now: datetime | None = None
) -> Registration:
    """The guest clicked the mailed link: now the registration counts."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock_page(registration.page)
        registration.refresh_from_db()
        if registration.status != Status.UNCONFIRMED:
            raise token_used_error()
        if registration.created_at + GUEST_CONFIRM_WITHIN <= now:
            registration.status = Status.EXPIRED
            registration.save(update_fields=["status"])
        else:
            kind = _take_seat_or_queue(registration, now=now)
            registration.save()
            _mail(registration, kind)
    if registration.status == Status.EXPIRED:
        raise token_expired_error()
    return registration


@transaction.atomic
def registration_cancel(
    *, registration: Registration, now: datetime | None = None
) -> Registration:
    """Cancel; a freed seat goes to the first person on the waiting list."""
    now = now or timezone.now()
    _lock_page(registration.page)
    registration.refresh_from_db()
    if not registration.is_active:
        raise token_used_error()
    held_seat = registration.holds_seat
    registration.status = Status.CANCELLED
    registration.cancelled_at = now
    registration.offer_expires_at = None
    registration.save()
    if held_seat:
        waitlist_offer_next(page=registration.page, now=now)
    return registration


@transaction.atomic
def waitlist_offer_next(*, page: Page, now: datetime | None = None) -> list:
    """Offer every free seat to the next waiting people, 48 hours to accept.

    Before the start only: nobody is offered a seat for something that began.
    """
    now = now or timezone.now()
    _lock_page(page)
    specific = page.specific
    starts = specific.registration_starts()
    if starts is not None and now >= starts:
        return []
    offered = []
    for registration in Registration.objects.filter(page_id=page.pk).waiting_in_order():
        if not _has_free_seat(specific):
            break
        registration.status = Status.OFFERED
        registration.offer_expires_at = now + OFFER_VALID_FOR
        if starts is not None:
            registration.offer_expires_at = min(registration.offer_expires_at, starts)
        registration.save(update_fields=["status", "offer_expires_at"])
        _mail(registration, "offer")
        offered.append(registration)
    return offered


@transaction.atomic
def waitlist_offer_accept(
    *, registration: Registration, now: datetime | None = None
) -> Registration:
    now = now or timezone.now()
    _lock_page(registration.page)
    registration.refresh_from_db()
    if registration.status == Status.CONFIRMED:
        raise token_used_error()
    if registration.status != Status.OFFERED:
        raise token_expired_error()
    if registration.offer_expires_at <= now:
        raise token_expired_error()
    registration.status = Status.CONFIRMED
    registration.confirmed_at = now
    registration.offer_expires_at = None
    registration.save()
    _mail(registration, "confirmed")
    return registration


def waitlist_offers_expire(*, now: datetime | None = None) -> int:
    """Expire unanswered offers and offer their seats to the next in line."""
    now = now or timezone.now()
    expired = 0
    page_ids = (
        Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
        .values_list("page_id", flat=True)
        .distinct()
    )
    for page in Page.objects.filter(pk__in=list(page_ids)):
        with transaction.atomic():
            _lock_page(page)
            expired += Registration.objects.filter(
                page_id=page.pk, status=Status.OFFERED, offer_expires_at__lte=now
            ).update(status=Status.EXPIRED, offer_expires_at=None)
            waitlist_offer_next(page=page, now=now)
    return expired


@transaction.atomic
def guest_registrations_expire(*, now: datetime | None = None) -> int:
    """Unconfirmed guest entries older than 48 hours lapse; they held no seat."""
    now = now or timezone.now()
    return Registration.objects.filter(
        status=Status.UNCONFIRMED, created_at__lte=now - GUEST_CONFIRM_WITHIN
    ).update(status=Status.EXPIRED)


@transaction.atomic
def registration_promote(
    *, registration: Registration, now: datetime | None = None
) -> Registration:
    """An organiser confirms someone from the waiting list (or with an offer).

    Capacity still holds: a waiting person is only promoted into a free seat;
    raise the capacity on the page first if the room is bigger.
    """
    now = now or timezone.now()
    _lock_page(registration.page)
    registration.refresh_from_db()
    if registration.status not in (Status.WAITING, Status.OFFERED):
        raise RegistrationError(
            _("Only people on the waiting list can be promoted."), code="not_waiting"
        )
    if registration.status == Status.WAITING and not _has_free_seat(
        registration.page.specific
    ):
        raise RegistrationError(
            _("No seat is free. Raise the capacity of the page first."),
            code="full",
            status=409,
        )
    registration.status = Status.CONFIRMED
    registration.confirmed_at = now
    registration.offer_expires_at = None
    registration.save()
    _mail(registration, "confirmed")
    return registration


def registrations_remind(*, now: datetime | None = None) -> int:
    """Mail everyone confirmed for what starts tomorrow (Berlin date), once."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    sent = 0
    candidates = (
        Registration.objects.filter(status=Status.CONFIRMED, reminded_at__isnull=True)
        .select_related("page")
        .order_by("page_id", "pk")
    )
    page_ids = set(candidates.values_list("page_id", flat=True))
    due_pages = set()
    for page in Page.objects.filter(pk__in=page_ids).specific():
        starts = getattr(page, "registration_starts", lambda: None)()
        if starts is not None and timezone.localtime(starts).date() == tomorrow:
            due_pages.add(page.pk)
    for pk in candidates.filter(page_id__in=due_pages).values_list("pk", flat=True):
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=Status.CONFIRMED, reminded_at__isnull=True)
                .first()
            )
            if registration is None:
                continue
            registration.reminded_at = now
            registration.save(update_fields=["reminded_at"])
            _mail(registration, "reminder")
            sent += 1
    return sent


def _registration_ends(page):
    """When the registered-for thing is over; ``None`` for dateless joining."""
    if getattr(page, "end", None) is not None:
        return page.end
    sessions = getattr(page, "session_list", None)
    if sessions:
        return max(session.end for session in sessions)
    return page.registration_starts()


def _pages_over_before(cutoff: datetime) -> list[int]:
    page_ids = (
        Registration.objects.filter(anonymised_at__isnull=True)
        .values_list("page_id", flat=True)
        .distinct()
    )
    over = []
    for page in Page.objects.filter(pk__in=list(page_ids)).specific():
        if not hasattr(page, "registration_starts"):
            continue
        ends = _registration_ends(page)
        if ends is not None and ends < cutoff:
            over.append(page.pk)
    return over


def _in_batches(queryset, action) -> int:
    """Apply ``action`` to ``queryset`` in committed batches of primary keys.

    ``queryset`` must no longer match a row once ``action`` handled it: a job
    killed half-way keeps what it did, and the next run takes the rest.
    """
    done = 0
    while ids := list(queryset.order_by("pk").values_list("pk", flat=True)[:BATCH]):
        with transaction.atomic():
            done += action(Registration.objects.filter(pk__in=ids))
    return done


def registrations_anonymise(*, queryset, now: datetime | None = None) -> int:
    """Remove the person from each registration; the row keeps status and dates.

    Seat figures, attendance and the number of online participants stay right
    after the names are gone. Returns the number of rows anonymised.
    """
    now = now or timezone.now()
    return _in_batches(
        queryset.filter(anonymised_at__isnull=True),
        lambda batch: batch.update(anonymised_at=now, **ANONYMOUS),
    )


def registrations_of_person(*, user, emails=()):
    """The account's registrations and the guest ones made with its addresses."""
    mine = Q(user=user)
    guest = Q()
    for email in emails:
        guest |= Q(email__iexact=email)
    if guest:
        mine |= Q(user__isnull=True) & guest
    return Registration.objects.filter(mine)


def registrations_erase_person(*, user, emails=(), now: datetime | None = None) -> int:
    """Account erasure: what has not started yet is cancelled (the seat goes to
    the waiting list), then every registration of the person is anonymised."""
    now = now or timezone.now()
    upcoming = (
        registrations_of_person(user=user, emails=emails)
        .active()
        .select_related("page")
    )
    for registration in upcoming:
        starts = registration.page.specific.registration_starts()
        if starts is None or starts > now:
            registration_cancel(registration=registration, now=now)
    return registrations_anonymise(
        queryset=registrations_of_person(user=user, emails=emails), now=now
    )


def registrations_apply_retention(*, now: datetime | None = None) -> dict[str, int]:
    """The retention rules for registrations; safe to run any number of times.

    - the personal data of every registration is removed a period after the
      event or course ended (``event_registrations`` in
      ``core.retention.RETENTION_PERIODS``);
    - of cancelled and lapsed ones (leaving a working group) a period after
      that (``registrations_ended``); active members are kept;
    - guests who never confirmed their registration are deleted after
      ``unconfirmed_guest_registrations``.
    """
    now = now or timezone.now()
    cutoff = now - retention_period("event_registrations")
    left_before = now - retention_period("registrations_ended")
    unconfirmed = _in_batches(
        Registration.objects.filter(
            user__isnull=True,
            status__in=[Status.UNCONFIRMED, Status.EXPIRED],
            confirmed_at__isnull=True,
            queued_at__isnull=True,
            created_at__lt=now - retention_period("unconfirmed_guest_registrations"),
        ),
        lambda batch: batch.delete()[0],
    )
    ended = Q(status__in=[Status.CANCELLED, Status.EXPIRED]) & (
        Q(cancelled_at__lt=left_before)
        | Q(cancelled_at__isnull=True, created_at__lt=left_before)
    )
    anonymised = registrations_anonymise(
        queryset=Registration.objects.filter(
            Q(page_id__in=_pages_over_before(cutoff)) | ended
        ),
        now=now,
    )
    return {
        "registrations_anonymised": anonymised,
        "guests_unconfirmed_deleted": unconfirmed,
    }


# -- mails --------------------------------------------------------------------

MAIL_SUBJECTS = {
    "confirm": _("Please confirm your registration: %(title)s"),
    "confirmed": _("Registration confirmed: %(title)s"),
    "waiting": _("You are on the waiting list: %(title)s"),
    "offer": _("A seat is free for you: %(title)s"),
    "reminder": _("Reminder: %(title)s is tomorrow"),
}


# Stored with each queued mail (``core.outbox``); registrations/0001 renamed
# the rows queued under the dialog app's path.
MESSAGE_BUILDER = "registrations.services.registration_message"


def _mail(registration: Registration, kind: str) -> None:
    """Send ``kind`` of mail for the saved ``registration`` after the commit.

    The mail is part of the transaction (``core.outbox``): retried while the
    mail server is down, and gone with a registration that is rolled back.
    """
    mail_enqueue(
        builder=MESSAGE_BUILDER,
        registration_id=registration.pk,
        kind=kind,
    )


def registration_message(*, registration_id: int, kind: str) -> EmailMessage | None:
    """One mail, in the language the person registered in; ``None``: not needed.

    A registration deleted meanwhile, or without an address, gets none.
    """
    registration = (
        Registration.objects.select_related("page", "user")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        return None
    page = registration.page.specific
    recipient = registration.contact_email
    if not recipient:
        return None
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        context = {
            "registration": registration,
            "page": page,
            "name": registration.person_name,
            "page_url": _absolute(page.get_url()),
            "starts": page.registration_starts(),
            "cancel_url": registration_link(
                registration=registration, purpose="cancel"
            ),
        }
        if kind == "confirm":
            context["confirm_url"] = registration_link(
                registration=registration, purpose="confirm"
            )
            context["confirm_until"] = registration.created_at + GUEST_CONFIRM_WITHIN
        if kind == "offer":
            context["accept_url"] = registration_link(
                registration=registration, purpose="accept"
            )
        # Only a confirmed registration gets them (the page type's rule).
        context["video_links"] = [
            (item, link)
            for item, link in registration_online_links(
                page=page, registration=registration
            )
            if link
        ]
        subject = str(MAIL_SUBJECTS[kind]) % {"title": page.title}
        body = render_to_string(f"registrations/mail/{kind}.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[recipient])
    if kind == "confirmed":
        calendar = registration_calendar(page=page, registration=registration)
        if calendar is not None:
            message.attach(f"{page.slug}.ics", calendar, "text/calendar")
    return message


def registration_calendar(*, page, registration=None) -> bytes | None:
    """The page as iCalendar (``None``: nothing to add to a calendar).

    The page type's app answers through the ``registration_calendar`` hook,
    called with ``page`` and ``registration`` (video links only as far as the
    person may see them); the first answer that is not ``None`` counts.
    """
    for hook in hooks.get_hooks("registration_calendar"):
        calendar = hook(page=page, registration=registration)
        if calendar is not None:
            return calendar
    return None


def registration_online_links(*, page, registration=None) -> list[tuple]:
    """``(item, link or "")`` for the page or each of its sessions.

    The page type's app answers through the ``registration_online_links`` hook
    with the links the person of ``registration`` may see; the first answer that
    is not ``None`` counts. A page nobody answers for has no links.
    """
    for hook in hooks.get_hooks("registration_online_links"):
        links = hook(page=page, registration=registration)
        if links is not None:
            return links
    return []
