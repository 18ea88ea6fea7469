"""Volunteer pool: opting in, pausing, leaving, and messages relayed by the portal."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.utils import parse_tags

from core.i18n import mail_language
from core.outbox import mail_enqueue
from core.people import display_name, is_verified_member
from members.selectors import (
    can_search_pool,
    pool_entries_contactable,
    pool_entries_in_scope_of,
)

from ..models import PoolEntry, PoolMessage
from ..pool_choices import AVAILABILITY_CHOICES, LANGUAGE_CHOICES, POOL_CONSENT_VERSION

# A coordinator may write this many messages in 24 hours.
MESSAGES_PER_DAY = 50


def _keys(values: Iterable[str], choices) -> dict:
    known = {code for code, _label in choices}
    return {code: True for code in values if code in known}


def _clean_skills(skills: Iterable[str], other_skills: str) -> list[str]:
    names = [name.strip() for name in skills if name.strip()]
    names += parse_tags(other_skills or "")
    if any(len(name) > 60 for name in names):
        raise ValidationError({"other_skills": _("A skill may be 60 characters long.")})
    unique = []
    for name in names:
        if name.casefold() not in {known.casefold() for known in unique}:
            unique.append(name)
    return unique


@transaction.atomic
def pool_entry_save(
    *,
    user,
    skills: Iterable[str] = (),
    other_skills: str = "",
    districts: Iterable,
    languages: Iterable[str] = (),
    availability: Iterable[str] = (),
    availability_note: str = "",
    consent: bool,
) -> PoolEntry:
    """Join the pool or change the own entry; unticking the consent withdraws it."""
    if not is_verified_member(user):
        raise PermissionDenied
    districts = list(districts)
    if not districts:
        raise ValidationError({"districts": _("Choose at least one district.")})
    names = _clean_skills(skills, other_skills)
    if not names:
        raise ValidationError({"skills": _("Choose or name at least one skill.")})
    entry = PoolEntry.objects.select_for_update().filter(user=user).first()
    if entry is None:
        if not consent:
            raise ValidationError(
                {"consent": _("Coordinators can only find you with your consent.")}
            )
        entry = PoolEntry(user=user)
    now = timezone.now()
    if consent and not entry.has_consent:
        entry.contact_consented_at = now
        entry.contact_consent_version = POOL_CONSENT_VERSION
        entry.contact_consent_withdrawn_at = None
    elif not consent and entry.has_consent:
        entry.contact_consented_at = None
        entry.contact_consent_withdrawn_at = now
    entry.languages = _keys(languages, LANGUAGE_CHOICES)
    entry.availability = _keys(availability, AVAILABILITY_CHOICES)
    entry.availability_note = " ".join(availability_note.split())[:200]
    entry.save()
    entry.districts.set(districts)
    entry.skills.set(names)
    return entry


def _own_entry(user) -> PoolEntry:
    entry = PoolEntry.objects.select_for_update().filter(user=user).first()
    if entry is None:
        raise ValidationError(_("You are not in the volunteer pool."))
    return entry


@transaction.atomic
def pool_entry_pause(*, user, until: datetime.date | None = None) -> PoolEntry:
    """Pause until a date (inclusive) or, without one, until resumed."""
    if until is not None and until < timezone.localdate():
        raise ValidationError({"until": _("Choose a date from today on.")})
    entry = _own_entry(user)
    entry.paused = True
    entry.paused_until = until
    entry.save(update_fields=["paused", "paused_until", "updated_at"])
    return entry


@transaction.atomic
def pool_entry_resume(*, user) -> PoolEntry:
    entry = _own_entry(user)
    entry.paused = False
    entry.paused_until = None
    entry.save(update_fields=["paused", "paused_until", "updated_at"])
    return entry


@transaction.atomic
def pool_entry_leave(*, user) -> bool:
    """Delete the own entry; returns whether there was one."""
    deleted, _details = PoolEntry.objects.filter(user=user).delete()
    return bool(deleted)


@transaction.atomic
def pool_message_send(*, sender, entry, subject: str, body: str) -> PoolMessage:
    """Write to a pool member; the portal relays the mail in the background.

    Refused for paused, withdrawn or former members, outside the sender's
    districts, and beyond ``MESSAGES_PER_DAY`` per sender.
    """
    if not can_search_pool(sender):
        raise PermissionDenied
    subject, body = " ".join(subject.split()), body.strip()
    if not subject or not body:
        raise ValidationError(_("Please write a subject and a text."))
    if not pool_entries_in_scope_of(sender).filter(pk=entry.pk).exists():
        raise PermissionDenied
    # One sender's messages are counted one at a time.
    get_user_model().objects.select_for_update().get(pk=sender.pk)
    if not pool_entries_contactable().filter(pk=entry.pk).exists():
        raise ValidationError(
            _(
                "This person has paused, withdrawn their consent or left the pool. "
                "The message was not sent."
            )
        )
    since = timezone.now() - datetime.timedelta(days=1)
    if (
        PoolMessage.objects.filter(sender=sender, created_at__gte=since).count()
        >= MESSAGES_PER_DAY
    ):
        raise ValidationError(
            _(
                "You have sent %(count)d messages in the last 24 hours, the limit. "
                "Please try again tomorrow."
            )
            % {"count": MESSAGES_PER_DAY}
        )
    message = PoolMessage.objects.create(
        sender=sender,
        recipient_id=entry.user_id,
        subject=subject,
        body=body,
        relayed_at=timezone.now(),  # handed to the outbox with this commit
    )
    # The portal relays: through the outbox, nobody sees the member's address.
    mail_enqueue(
        builder="members.services.pool.pool_message_relay_message",
        message_id=message.pk,
    )
    return message


def _open_message(token: str) -> PoolMessage:
    message = PoolMessage.objects.select_for_update().filter(token=token).first()
    if message is None:
        raise PoolMessage.DoesNotExist
    if message.status != PoolMessage.Status.SENT:
        raise ValidationError(_("This message has already been answered or declined."))
    return message


def _sender_notice_enqueue(message):
    mail_enqueue(
        builder="members.services.pool.pool_message_sender_message",
        message_id=message.pk,
    )
    PoolMessage.objects.filter(pk=message.pk).update(sender_notified_at=timezone.now())


@transaction.atomic
def pool_message_answer(*, token: str, text: str) -> PoolMessage:
    """The member's answer, relayed to the coordinator without the member's address."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Please write your answer.")})
    message = _open_message(token)
    message.answer = text
    message.answered_at = timezone.now()
    message.status = PoolMessage.Status.ANSWERED
    message.save(update_fields=["answer", "answered_at", "status"])
    _sender_notice_enqueue(message)
    return message


@transaction.atomic
def pool_message_decline(*, token: str) -> PoolMessage:
    """One click: the member says no, and the coordinator is told."""
    message = _open_message(token)
    message.answered_at = timezone.now()
    message.status = PoolMessage.Status.DECLINED
    message.save(update_fields=["answered_at", "status"])
    _sender_notice_enqueue(message)
    return message


# -- mails (built when they go out, ``core.outbox``) ------------------------------


def _portal_mail(*, subject, body, to) -> EmailMessage:
    # From the portal, never with a member's address as Reply-To.
    return EmailMessage(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [to]
    )


def _message_with_people(message_id):
    return (
        PoolMessage.objects.select_related("recipient__profile", "sender__profile")
        .filter(pk=message_id)
        .first()
    )


def pool_message_relay_message(*, message_id: int) -> EmailMessage | None:
    """A coordinator's message to the member, with answer and decline links."""
    message = _message_with_people(message_id)
    if message is None or not message.recipient.email:
        return None
    base = settings.WAGTAILADMIN_BASE_URL
    with translation.override(mail_language(user=message.recipient)):
        context = {
            "name": display_name(message.recipient),
            "sender": display_name(message.sender) if message.sender else "",
            "message": message,
            "answer_url": base
            + reverse("members:pool_message_answer", args=[message.token]),
            "decline_url": base
            + reverse("members:pool_message_decline", args=[message.token]),
            "pool_url": base + reverse("members:pool"),
        }
        subject = gettext("Volunteer pool: %(subject)s") % {"subject": message.subject}
        body = render_to_string("members/emails/pool_message.txt", context)
    return _portal_mail(subject=subject, body=body, to=message.recipient.email)


def pool_message_sender_message(*, message_id: int) -> EmailMessage | None:
    """The coordinator learns the member answered or declined: name and text only."""
    message = _message_with_people(message_id)
    if (
        message is None
        or message.status == PoolMessage.Status.SENT
        or message.sender is None
        or not message.sender.email
    ):
        return None
    with translation.override(mail_language(user=message.sender)):
        context = {
            "name": display_name(message.sender),
            "member": display_name(message.recipient),
            "message": message,
            "admin_url": settings.WAGTAILADMIN_BASE_URL
            + reverse("volunteer_pool:message", args=[message.pk]),
        }
        if message.status == PoolMessage.Status.DECLINED:
            subject = gettext("%(member)s declined: %(subject)s")
            template = "members/emails/pool_message_declined.txt"
        else:
            subject = gettext("%(member)s answered: %(subject)s")
            template = "members/emails/pool_message_answered.txt"
        subject = subject % {"member": context["member"], "subject": message.subject}
        body = render_to_string(template, context)
    return _portal_mail(subject=subject, body=body, to=message.sender.email)
