from allauth.account import views as account_views
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail import hooks

from core.bot_protection import bot_protected
from core.people import is_verified_member

from ..consents import current_wordings
from ..forms import ProfileForm, VerificationRequestForm
from ..models import MembershipVerification
from ..permissions import has_admin_access
from ..selectors import active_consents, profile_for, verification_latest
from ..services import consents_update, profile_update, verification_request


def admin_login_redirect(request):
    """Wagtail's own login would skip allauth's second factor: use the site login."""
    url = reverse("members:login")
    if request.META.get("QUERY_STRING"):
        url = f"{url}?{request.META['QUERY_STRING']}"
    return HttpResponseRedirect(url)


def admin_password_reset_redirect(request):
    """Wagtail's admin password reset has no rate limit: use the site's (allauth)."""
    return HttpResponseRedirect(reverse("members:password_reset"))


class SignupView(account_views.SignupView):
    """allauth's sign-up; a post with a stale bot-check token shows the form
    again with what was typed and the notice (400)."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        notice = getattr(self.request, "bot_check_notice", None)
        if notice and form.is_bound:
            form.add_error(None, notice)
        return form

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if getattr(self.request, "bot_check_notice", None):
            response.status_code = 400
        return response


# allauth limits sign-ups per IP; the honeypot and fill time keep bots out.
signup = bot_protected(SignupView.as_view(), form="signup", reshow=True)


def _with_status(view, *, failed, status):
    """Answer allauth's "link invalid or expired" pages with a 4xx, not a 200."""

    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        context = getattr(response, "context_data", None)
        if context is not None and failed(context):
            response.status_code = status
        return response

    return wrapped


confirm_email = _with_status(
    account_views.confirm_email,
    failed=lambda context: context.get("confirmation") is None,
    status=404,
)
password_reset_from_key = _with_status(
    account_views.password_reset_from_key,
    failed=lambda context: bool(context.get("token_fail")),
    status=400,
)


def profile_links(request):
    """(label, url) pairs from ``@hooks.register("member_profile_links")`` functions."""
    links = []
    for hook in hooks.get_hooks("member_profile_links"):
        result = hook(request)
        if not result:
            continue
        if isinstance(result, tuple):
            result = [result]
        links.extend(result)
    return links


def _apply_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    current = profile_for(user)
    consents = active_consents(user)
    initial = {
        "display_name": current.display_name if current else "",
        "district": current.district_id if current else None,
        "languages": current.languages if current else [],
        "preferred_language": current.preferred_language if current else "de",
    }
    for wording in current_wordings():
        given = consents.get(wording.kind)
        initial[ProfileForm.consent_field_name(wording.kind)] = bool(
            given and given.version == wording.version
        )
    # Bound on every POST: an empty one is refused with messages, not shown blank.
    form = ProfileForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            profile_update(
                user=user,
                display_name=data["display_name"],
                district=data["district"],
                languages=data["languages"],
                preferred_language=data["preferred_language"],
            )
            consents_update(
                user=user,
                given=form.given_consents(),
                asked=[wording.kind for wording in current_wordings()],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, gettext_lazy("Your profile has been saved."))
            return redirect("members:profile")
    return render(
        request,
        "members/profile.html",
        {
            "form": form,
            "consent_rows": [
                (
                    form[form.consent_field_name(wording.kind)],
                    consents.get(wording.kind),
                )
                for wording in current_wordings()
            ],
            "is_verified_member": is_verified_member(user),
            "verification": verification_latest(user),
            "show_mfa": has_admin_access(user),
            "links": profile_links(request),
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def verification(request):
    user = request.user
    latest = verification_latest(user)
    verified = is_verified_member(user)
    pending = (
        latest is not None and latest.status == MembershipVerification.Status.PENDING
    )
    may_request = not verified and not pending
    if request.method == "POST" and not may_request:
        messages.info(request, gettext_lazy("Your request has already been sent."))
        return redirect("members:verification")
    form = (
        VerificationRequestForm(request.POST if request.method == "POST" else None)
        if may_request
        else None
    )
    if form is not None and form.is_bound and form.is_valid():
        try:
            verification_request(
                user=user,
                district=form.cleaned_data["district"],
                membership_number=form.cleaned_data["membership_number"],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request,
                gettext_lazy(
                    "Thank you. Your district office will check your request."
                ),
            )
            return redirect("members:verification")
    return render(
        request,
        "members/membership_verification.html",
        {
            "form": form,
            "verification": latest,
            "is_verified_member": verified,
        },
        status=400 if form is not None and form.is_bound else 200,
    )
