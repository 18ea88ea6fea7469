"""The member's side of the volunteer pool: join, change, pause, leave, answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.people import display_name, is_verified_member

from ..forms import PoolAnswerForm, PoolEntryForm, PoolPauseForm
from ..models import PoolMessage
from ..pool_choices import POOL_CONSENT_VERSION
from ..selectors import pool_entry_for, pool_messages_received_by
from ..services import (
    pool_entry_leave,
    pool_entry_pause,
    pool_entry_resume,
    pool_entry_save,
    pool_message_answer,
    pool_message_decline,
)
from .accounts import _apply_errors


def _members_only(request):
    return render(request, "members/pool/members_only.html", status=403)


@login_required
@require_http_methods(["GET", "POST"])
def pool(request):
    user = request.user
    if not is_verified_member(user):
        return _members_only(request)
    entry = pool_entry_for(user)
    form = PoolEntryForm(
        request.POST if request.method == "POST" else None,
        initial=PoolEntryForm.initial_for(entry),
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            pool_entry_save(user=user, **data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request,
                gettext_lazy("Your pool entry has been saved.")
                if data["consent"]
                else gettext_lazy(
                    "Your pool entry has been saved. Without your consent "
                    "coordinators cannot find you."
                ),
            )
            return redirect("members:pool")
    status = 400 if form.is_bound else 200
    return render(
        request,
        "members/pool/pool_entry.html",
        {
            "entry": entry,
            "form": form,
            "pause_form": PoolPauseForm(),
            "consent_version": POOL_CONSENT_VERSION,
            "received": [
                (message, display_name(message.sender) if message.sender else "")
                for message in pool_messages_received_by(user)[:20]
            ],
        },
        status=status,
    )


@login_required
@require_POST
def pool_pause(request):
    if not is_verified_member(request.user):
        return _members_only(request)
    form = PoolPauseForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext_lazy("Please enter a valid date."))
        return redirect("members:pool")
    try:
        pool_entry_pause(user=request.user, until=form.cleaned_data["until"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, gettext_lazy("Your pool entry is paused."))
    return redirect("members:pool")


@login_required
@require_POST
def pool_resume(request):
    try:
        pool_entry_resume(user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, gettext_lazy("Welcome back: coordinators can find you again.")
        )
    return redirect("members:pool")


@login_required
@require_http_methods(["GET", "POST"])
def pool_leave(request):
    if request.method == "POST":
        if pool_entry_leave(user=request.user):
            messages.success(
                request,
                gettext_lazy(
                    "You have left the volunteer pool. Your entry is deleted."
                ),
            )
        return redirect("members:pool")
    if pool_entry_for(request.user) is None:
        return redirect("members:pool")
    return render(request, "members/pool/pool_leave.html")


def _message_or_404(token):
    message = (
        PoolMessage.objects.select_related("sender__profile")
        .filter(token=token)
        .first()
    )
    if message is None:
        raise Http404
    return message


def _used(request, message):
    return render(
        request, "members/pool/pool_message_used.html", {"message": message}, status=410
    )


@require_http_methods(["GET", "POST"])
def pool_message_answer_view(request, token):
    """Reached from the mail: the random token is the key, so no login is needed."""
    message = _message_or_404(token)
    if message.status != PoolMessage.Status.SENT:
        return _used(request, message)
    form = PoolAnswerForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            pool_message_answer(token=token, text=form.cleaned_data["text"])
        except ValidationError as error:
            if message.status != PoolMessage.Status.SENT:
                return _used(request, message)
            _apply_errors(form, error)
        else:
            return render(
                request, "members/pool/pool_message_done.html", {"answered": True}
            )
    return render(
        request,
        "members/pool/pool_message_answer.html",
        {
            "message": message,
            "sender": display_name(message.sender) if message.sender else "",
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def pool_message_decline_view(request, token):
    """GET asks (mail scanners open links), POST declines."""
    message = _message_or_404(token)
    if message.status != PoolMessage.Status.SENT:
        return _used(request, message)
    if request.method == "POST":
        try:
            pool_message_decline(token=token)
        except ValidationError:
            return _used(request, message)
        return render(
            request, "members/pool/pool_message_done.html", {"answered": False}
        )
    return render(
        request,
        "members/pool/pool_message_decline.html",
        {
            "message": message,
            "sender": display_name(message.sender) if message.sender else "",
        },
    )


def pool_profile_link(request):
    if not is_verified_member(request.user):
        return None
    return (_("Volunteer pool"), reverse("members:pool"))
