"""Mails of the volunteer pool: the portal relays, nobody sees the member's address."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from home.i18n import mail_language

from ..models import PoolMessage
from ..selectors import display_name


def _send(*, subject, body, to):
    # From the portal, never with a member's address as Reply-To.
    EmailMessage(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [to]
    ).send()


@task()
def pool_message_relay(message_id: int) -> None:
    """Mail a coordinator's message to the member with answer and decline links."""
    message = (
        PoolMessage.objects.select_related("recipient__profile", "sender__profile")
        .filter(pk=message_id, relayed_at__isnull=True)
        .first()
    )
    if message is None or not message.recipient.email:
        return
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
    _send(subject=subject, body=body, to=message.recipient.email)
    PoolMessage.objects.filter(pk=message.pk).update(relayed_at=timezone.now())


@task()
def pool_message_sender_notify(message_id: int) -> None:
    """Tell the coordinator the member answered or declined: name and text only."""
    message = (
        PoolMessage.objects.select_related("recipient__profile", "sender__profile")
        .filter(pk=message_id, sender_notified_at__isnull=True)
        .exclude(status=PoolMessage.Status.SENT)
        .first()
    )
    if message is None or message.sender is None or not message.sender.email:
        return
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
    _send(subject=subject, body=body, to=message.sender.email)
    PoolMessage.objects.filter(pk=message.pk).update(sender_notified_at=timezone.now())
