"""Subscribing, confirming, managing and unsubscribing.

Confirmation, settings and unsubscribe pages are opened from mails by a signed
link, without logging in. Every link page that changes something asks for a
button press (POST): mail scanners open links, they do not press buttons.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.bot_protection import bot_protected, form_accepted
from core.people import is_verified_member
from core.ratelimit import RecipientLimited, rate_limit

from .forms import SubscribeForm, SubscriptionSettingsForm
from .services.subscriptions import (
    InvalidToken,
    confirmation_read,
    member_subscribe,
    member_subscriber,
    subscriber_delete,
    subscriber_from_token,
    subscriber_token,
    subscription_confirm,
    subscription_request,
    subscriptions_update,
)

TEMPLATES = "subscriptions/"


def _invalid_link(request, error):
    return render(
        request,
        TEMPLATES + "invalid_link.html",
        {"expired": error.expired},
        status=400,
    )


def _prefill(request):
    """Initial choices from a "subscribe" link, e.g. ``?district=7``."""
    initial = {}
    for name, key in (
        ("kinds", "kind"),
        ("topics", "topic"),
        ("districts", "district"),
    ):
        values = request.GET.getlist(key)
        if values:
            initial[name] = values
    return initial


@require_http_methods(["GET", "POST"])
@rate_limit("subscription")
@bot_protected(form="subscribe", reshow=True)
def subscribe(request):
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        status = 400
        if form_accepted(request, form):
            try:
                if not form.is_bot:
                    subscription_request(
                        email=form.cleaned_data["email"],
                        targets=form.targets(),
                        language=get_language(),
                    )
            except RecipientLimited as limited:
                form.add_error(None, limited.message)
                status = 429
            else:
                # The same answer for new and known addresses.
                return redirect("subscriptions:subscription_requested")
    else:
        form = SubscribeForm(initial=_prefill(request))
        status = 200
    return render(request, TEMPLATES + "subscribe.html", {"form": form}, status=status)


def subscribe_requested(request):
    return render(request, TEMPLATES + "requested.html")


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        confirmation_read(token=token)
        if request.method == "POST":
            subscriber = subscription_confirm(token=token)
        else:
            return render(request, TEMPLATES + "confirm.html")
    except InvalidToken as error:
        return _invalid_link(request, error)
    return render(
        request,
        TEMPLATES + "confirmed.html",
        {
            "settings_url": reverse(
                "subscriptions:subscription_settings",
                args=[subscriber_token(subscriber=subscriber)],
            )
        },
    )


@require_http_methods(["GET", "POST"])
def subscription_settings(request, token):
    try:
        subscriber = subscriber_from_token(token=token)
    except InvalidToken as error:
        return _invalid_link(request, error)
    if subscriber is None:
        return render(request, TEMPLATES + "gone.html", status=404)
    return _settings_page(
        request,
        subscriber=subscriber,
        unsubscribe_url=reverse("subscriptions:subscription_unsubscribe", args=[token]),
    )


def _settings_page(request, *, subscriber, unsubscribe_url):
    if request.method == "POST":
        form = SubscriptionSettingsForm(request.POST, subscriber=subscriber)
        if form.is_valid():
            subscriptions_update(
                subscriber=subscriber,
                frequencies=form.frequencies(),
                language=form.cleaned_data["language"],
            )
            return redirect(request.path + "?gespeichert=1")
        status = 400
    else:
        form = SubscriptionSettingsForm(subscriber=subscriber)
        status = 200
    return render(
        request,
        TEMPLATES + "settings.html",
        {
            "form": form,
            "subscriber": subscriber,
            "saved": "gespeichert" in request.GET,
            "unsubscribe_url": unsubscribe_url,
        },
        status=status,
    )


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" here
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscriber = subscriber_from_token(token=token)
    except InvalidToken as error:
        return _invalid_link(request, error)
    if request.method == "POST":
        if subscriber is not None:
            subscriber_delete(subscriber=subscriber)
        return render(request, TEMPLATES + "unsubscribed.html")
    if subscriber is None:
        return render(request, TEMPLATES + "unsubscribed.html")
    return render(
        request,
        TEMPLATES + "unsubscribe.html",
        {
            "settings_url": reverse(
                "subscriptions:subscription_settings", args=[token]
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def mine(request):
    """A verified member's subscriptions, tied to their account's address."""
    if not is_verified_member(request.user):
        return render(request, TEMPLATES + "members_only.html", status=403)
    subscriber = member_subscriber(user=request.user)
    if subscriber is not None:
        token = subscriber_token(subscriber=subscriber)
        return _settings_page(
            request,
            subscriber=subscriber,
            unsubscribe_url=reverse(
                "subscriptions:subscription_unsubscribe", args=[token]
            ),
        )
    if request.method == "POST":
        form = SubscriptionSettingsForm(request.POST, with_consent=True)
        if form.is_valid():
            active = member_subscribe(
                user=request.user,
                frequencies=form.frequencies(),
                language=form.cleaned_data["language"],
            )
            if active:
                return redirect(request.path + "?gespeichert=1")
            return render(request, TEMPLATES + "requested.html")
        status = 400
    else:
        form = SubscriptionSettingsForm(with_consent=True)
        status = 200
    return render(
        request,
        TEMPLATES + "settings.html",
        {"form": form, "member_start": True},
        status=status,
    )
