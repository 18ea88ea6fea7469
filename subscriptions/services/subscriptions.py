"""Subscribing by email (double opt-in), managing and unsubscribing.

Nothing is stored before the address is confirmed: the confirmation link
carries the choice, signed, and confirming it creates the subscriber. So an
unconfirmed address leaves no trace, and asking again for a known address
changes nothing until its owner clicks.
"""

import logging
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.ratelimit import recipient_limit_check
from home.models import DistrictPage, Topic

from ..models import CONSENT_VERSION, Frequency, Subscriber, Subscription
from ..registry import kind_keys

logger = logging.getLogger(__name__)

# The salts keep the names they had in the news app: links already mailed
# stay valid.
CONFIRM_SALT = "news.subscription.confirm"
MANAGE_SALT = "news.subscription.manage"
CONFIRM_MAX_AGE = 60 * 60 * 24 * 7  # a week to click the confirmation link


class InvalidToken(Exception):
    """A confirmation or settings link that was forged, mangled or expired."""

    def __init__(self, *, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def targets_clean(targets: dict[str, str]) -> dict[str, str]:
    """Only well-formed target keys with a known frequency; empty ones dropped."""
    return {
        key: frequency
        for key, frequency in targets.items()
        if frequency in Frequency.values and _key_is_wellformed(key)
    }


def _key_is_wellformed(key):
    prefix, _sep, value = key.partition("-")
    if prefix == "kind":
        return value in kind_keys()
    return prefix in ("topic", "district") and value.isdigit()


def email_normalize(email: str) -> str:
    return email.strip().lower()


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def subscriber_token(*, subscriber: Subscriber) -> str:
    """The secret in settings and unsubscribe links; it does not expire."""
    return signing.dumps(subscriber.pk, salt=MANAGE_SALT)


def subscriber_from_token(*, token: str) -> Subscriber | None:
    """The subscriber a settings link belongs to; ``None`` once they left.

    Raises ``InvalidToken`` for a forged or mangled link.
    """
    try:
        pk = signing.loads(token, salt=MANAGE_SALT)
    except signing.BadSignature as error:
        raise InvalidToken() from error
    if not isinstance(pk, int):
        raise InvalidToken()
    return Subscriber.objects.filter(pk=pk).first()


def subscriber_links(*, subscriber: Subscriber) -> dict[str, str]:
    token = subscriber_token(subscriber=subscriber)
    return {
        "settings_url": absolute_url(
            reverse("subscriptions:subscription_settings", args=[token])
        ),
        "unsubscribe_url": absolute_url(
            reverse("subscriptions:subscription_unsubscribe", args=[token])
        ),
    }


def unsubscribe_headers(*, unsubscribe_url: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers: mail clients offer a one-click unsubscribe."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def subscription_request(
    *,
    email: str,
    targets: dict[str, str],
    language: str,
    user=None,
) -> bool:
    """Mail a confirmation link for ``targets`` to ``email``.

    ``targets`` maps target keys (``topic-3``, ``district-7``, ``kind-news``) to
    the frequency wanted for each.

    The caller answers the same whether or not the address is known, so the form
    reveals nothing. An address that had its share of these mails
    (``PORTAL_RATE_LIMITS["subscription_mail"]``) raises ``RecipientLimited``;
    while the cache is down the mail goes out. Returns whether a mail went out.
    """
    email = email_normalize(email)
    recipient_limit_check("subscription_mail", email=email)
    token = signing.dumps(
        {
            "e": email,
            "l": language,
            "u": user.pk if user is not None else None,
            "c": CONSENT_VERSION,
            "at": timezone.now().isoformat(),
            "s": targets_clean(targets),
        },
        salt=CONFIRM_SALT,
        compress=True,
    )
    confirm_url = absolute_url(
        reverse("subscriptions:subscription_confirm", args=[token])
    )
    with translation.override(language):
        context = {"confirm_url": confirm_url, "days": CONFIRM_MAX_AGE // 86400}
        message = EmailMultiAlternatives(
            subject=render_to_string(
                "subscriptions/mails/confirm_subject.txt", context
            ).strip(),
            body=render_to_string("subscriptions/mails/confirm.txt", context),
            to=[email],
        )
    try:
        message.send()
    except OSError:  # smtplib.SMTPException is an OSError
        logger.exception("Could not send a subscription confirmation mail.")
        return False
    return True


def confirmation_read(*, token: str) -> dict:
    """The signed data of a confirmation link; ``InvalidToken`` when bad or old."""
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired as error:
        raise InvalidToken(expired=True) from error
    except signing.BadSignature as error:
        raise InvalidToken() from error


@transaction.atomic
def subscription_confirm(*, token: str) -> Subscriber:
    """Confirm a subscription request: create or complete the subscriber."""
    data = confirmation_read(token=token)
    try:
        email = data["e"]
        consent_given_at = datetime.fromisoformat(data["at"])
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidToken() from error
    now = timezone.now()
    subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
        email=email,
        defaults={
            "language": _language(data.get("l")),
            "consent_version": data.get("c", CONSENT_VERSION),
            "consent_given_at": consent_given_at,
            "confirmed_at": now,
        },
    )
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = now
    subscriber.consent_version = data.get("c", CONSENT_VERSION)
    subscriber.consent_given_at = consent_given_at
    subscriber.language = _language(data.get("l"))
    if subscriber.user_id is None and data.get("u"):
        subscriber.user = _account_for(email=email, user_id=data["u"])
    subscriber.save()
    targets = data.get("s")
    subscriptions_update(
        subscriber=subscriber,
        frequencies=targets_clean(targets if isinstance(targets, dict) else {}),
        language=subscriber.language,
    )
    return subscriber


def _language(code):
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _account_for(*, email, user_id):
    """The account to link, if its email is still the confirmed address."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if (
        user is None
        or email_normalize(user.email) != email
        or Subscriber.objects.filter(user=user).exists()
    ):
        return None
    return user


def subscription_key(subscription: Subscription) -> str:
    """The form field name of a subscription's target, e.g. ``topic-3``."""
    if subscription.topic_id:
        return f"topic-{subscription.topic_id}"
    if subscription.district_id:
        return f"district-{subscription.district_id}"
    return f"kind-{subscription.kind}"


@transaction.atomic
def subscriptions_update(
    *, subscriber: Subscriber, frequencies: dict[str, str], language: str
) -> None:
    """Set each target's frequency; an empty frequency ends that subscription.

    ``frequencies`` maps form keys (``topic-3``, ``district-7``, ``kind-news``) to
    a frequency or ``""``. Targets not in it stay as they are.
    """
    subscriber.language = _language(language)
    subscriber.save(update_fields=["language"])
    existing = {subscription_key(s): s for s in subscriber.subscriptions.all()}
    for key, frequency in frequencies.items():
        subscription = existing.get(key)
        if not frequency:
            if subscription is not None:
                subscription.delete()
            continue
        if frequency not in Frequency.values:
            continue
        if subscription is not None:
            if subscription.frequency != frequency:
                subscription.frequency = frequency
                subscription.save(update_fields=["frequency"])
            continue
        target = _target_from_key(key)
        if target is not None:
            Subscription.objects.create(
                subscriber=subscriber, frequency=frequency, **target
            )


def _target_from_key(key):
    prefix, _sep, value = key.partition("-")
    if prefix == "kind" and value in kind_keys():
        return {"kind": value}
    if not value.isdigit():
        return None
    if prefix == "topic":
        topic = Topic.objects.filter(pk=value).first()
        return {"topic": topic} if topic else None
    if prefix == "district":
        district = DistrictPage.objects.filter(pk=value).first()
        return {"district": district} if district else None
    return None


@transaction.atomic
def subscriber_delete(*, subscriber: Subscriber) -> None:
    """Unsubscribe from everything: the address and all its data are deleted."""
    subscriber.delete()


def account_email_verified(user) -> bool:
    """Whether ``user`` proved they own their account's address.

    Only django-allauth's verified ``EmailAddress`` counts. Without allauth, a
    member confirms by mail like everybody else.
    """
    if not apps.is_installed("allauth.account") or not user.email:
        return False
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(
        user=user, email__iexact=user.email, verified=True
    ).exists()


def member_subscriber(*, user) -> Subscriber | None:
    return Subscriber.objects.filter(user=user).first()


@transaction.atomic
def member_subscribe(*, user, frequencies: dict[str, str], language: str) -> bool:
    """Start a member's subscriptions from their account.

    With a verified account address the subscriber is created confirmed at
    once; otherwise a confirmation mail goes to the account address. Returns
    whether the subscriptions are active now.
    """
    chosen = {key: f for key, f in frequencies.items() if f}
    email = email_normalize(user.email)
    if account_email_verified(user):
        now = timezone.now()
        subscriber, _created = Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "consent_version": CONSENT_VERSION,
                "consent_given_at": now,
                "confirmed_at": now,
                "language": _language(language),
            },
        )
        if subscriber.user_id is None:
            subscriber.user = user
        subscriber.confirmed_at = subscriber.confirmed_at or now
        subscriber.consent_version = CONSENT_VERSION
        subscriber.consent_given_at = now
        subscriber.save()
        subscriptions_update(
            subscriber=subscriber, frequencies=chosen, language=language
        )
        return True
    subscription_request(email=email, targets=chosen, language=language, user=user)
    return False
