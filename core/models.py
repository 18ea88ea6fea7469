"""The platform's own tables: the outbox of mails and the columns of every
mail queue (``core.outbox``)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MailQueueRow(models.Model):
    """What ``core.outbox`` keeps on every row of a mail queue.

    Besides these, a queue's model has a state field of its own name
    (``MailQueue.field``) with queued, sending, sent and failed values.
    """

    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        abstract = True


class OutgoingMail(MailQueueRow):
    """A mail waiting to be sent, written in the same commit as its cause.

    Mostly only the function that builds the mail and its ids are kept, no
    address or text: the mail is rendered when it goes out. Account mails that
    the server refused keep their text until sent (``core.outbox``); finished
    rows lose their arguments.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        DROPPED = "dropped", _("No longer needed")

    builder = models.CharField(_("built by"), max_length=200)
    arguments = models.JSONField(_("arguments"), default=dict, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.QUEUED
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # Due at once when written; the other queues leave it empty until a retry.
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)

    class Meta:
        # Moved from ``home`` without touching the table (core/migrations/0001).
        db_table = "home_outgoingmail"
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mails")
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="home_mail_due")
        ]

    def __str__(self):
        return f"{self.builder} {self.arguments}"
