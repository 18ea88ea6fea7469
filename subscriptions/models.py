"""Email subscriptions to topics, districts and content kinds, and deliveries.

A *subscriber* is an email address that confirmed (double opt-in). Each of their
*subscriptions* follows exactly one target. When a page is first published, one
*page notification* records the send and one *delivery* per recipient makes it
idempotent: the unique (subscriber, page) key means nobody gets a page twice.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from core.models import MailQueueRow

from .registry import kind_label

# Bump when the consent wording on the subscribe form changes; each subscriber
# keeps the version they agreed to.
CONSENT_VERSION = "2026-11"


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


# The most immediate wins when several subscriptions match one page.
FREQUENCY_RANK = {Frequency.IMMEDIATE: 0, Frequency.DAILY: 1, Frequency.WEEKLY: 2}


class Subscriber(models.Model):
    email = models.EmailField(
        _("email address"),
        help_text=_("Stored in lower case; one subscriber per address."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriber",
        verbose_name=_("account"),
        help_text=_("Set when a member manages their subscriptions in their account."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Language of the mails."),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    consent_version = models.CharField(_("consent wording version"), max_length=20)
    consent_given_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        db_table = "news_subscriber"
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), name="unique_news_subscriber_email_ci"
            )
        ]

    def __str__(self):
        return self.email


class SubscriptionQuerySet(models.QuerySet):
    def matching(self, *, kind, topic_keys, district_ids):
        """Confirmed subscriptions that follow the kind, a topic or a district.

        Topics are matched by translation key, so a subscription to the German
        topic also matches the topic of a translated page.
        """
        target = Q(kind=kind)
        if topic_keys:
            target |= Q(topic__translation_key__in=topic_keys)
        if district_ids:
            target |= Q(district_id__in=district_ids)
        return self.filter(target, subscriber__confirmed_at__isnull=False)


class Subscription(models.Model):
    """One followed target: a topic, a district, or a kind of content."""

    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("subscriber"),
    )
    topic = models.ForeignKey(
        "home.Topic",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("topic"),
    )
    district = models.ForeignKey(
        "home.DistrictPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("district"),
    )
    # One of the keys registered as notifiable kinds (``subscriptions.registry``);
    # checked by the forms and services, so the feature apps need no migration here.
    kind = models.CharField(_("content kind"), max_length=10, blank=True)
    frequency = models.CharField(
        _("frequency"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATE,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        db_table = "news_subscription"
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(topic__isnull=False, district__isnull=True, kind="")
                    | Q(topic__isnull=True, district__isnull=False, kind="")
                    | Q(topic__isnull=True, district__isnull=True) & ~Q(kind="")
                ),
                name="news_subscription_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["subscriber", "topic"],
                condition=Q(topic__isnull=False),
                name="unique_news_subscription_topic",
            ),
            models.UniqueConstraint(
                fields=["subscriber", "district"],
                condition=Q(district__isnull=False),
                name="unique_news_subscription_district",
            ),
            models.UniqueConstraint(
                fields=["subscriber", "kind"],
                condition=~Q(kind=""),
                name="unique_news_subscription_kind",
            ),
        ]

    def __str__(self):
        return f"{self.subscriber} → {self.target}"

    @property
    def target(self):
        return self.topic or self.district or kind_label(self.kind)


class PageNotification(models.Model):
    """The send of one page to its subscribers, with its progress."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Sending")
        DONE = "done", _("Done")

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    total = models.PositiveIntegerField(_("recipients"), default=0)
    sent = models.PositiveIntegerField(_("sent"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    in_digest = models.PositiveIntegerField(_("waiting for a digest"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    recipients_found_at = models.DateTimeField(
        _("recipients found at"), null=True, blank=True
    )
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # A heartbeat: the sweep resumes sends that have not moved for a while.
    progressed_at = models.DateTimeField(_("last progress"), auto_now_add=True)

    class Meta:
        db_table = "news_pagenotification"
        verbose_name = _("send")
        verbose_name_plural = _("sends")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.page)


class Delivery(MailQueueRow):
    """One page for one subscriber: sent at once or collected for a digest."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped")

    notification = models.ForeignKey(
        PageNotification,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("send"),
    )
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )

    class Meta:
        db_table = "news_delivery"
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "page"], name="unique_news_delivery"
            )
        ]
        indexes = [
            models.Index(
                fields=["notification", "status"], name="news_delivery_progress"
            ),
            models.Index(fields=["frequency", "status"], name="news_delivery_digest"),
        ]

    def __str__(self):
        return f"{self.page_id} → {self.subscriber_id}"
