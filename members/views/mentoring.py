"""The member's side of mentoring: apply, see the own application and pair, answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.people import display_name, is_verified_member

from ..forms import MentoringApplicationForm
from ..models import MentoringApplication, MentoringPair
from ..selectors import (
    mentoring_applications_of,
    mentoring_pair_for_token,
    mentoring_pairs_of,
)
from ..services import mentoring_apply, mentoring_pair_respond, mentoring_withdraw
from .accounts import _apply_errors


def _pair_rows(user):
    rows = []
    for pair in mentoring_pairs_of(user):
        is_mentee = pair.mentee_application.user_id == user.pk
        other = pair.mentor_application if is_mentee else pair.mentee_application
        rows.append(
            {
                "pair": pair,
                "role": _("Mentee") if is_mentee else _("Mentor"),
                "other_name": display_name(other.user),
                "token": pair.mentee_token if is_mentee else pair.mentor_token,
                "accepted": pair.mentee_accepted_at
                if is_mentee
                else pair.mentor_accepted_at,
            }
        )
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def mentoring(request):
    user = request.user
    if not is_verified_member(user):
        return render(request, "members/pool/members_only.html", status=403)
    form = MentoringApplicationForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            mentoring_apply(user=user, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request,
                gettext_lazy("Thank you. The mentoring coordinators will be in touch."),
            )
            return redirect("members:mentoring")
    return render(
        request,
        "members/mentoring/mentoring.html",
        {
            "form": form,
            "applications": mentoring_applications_of(user),
            "pairs": _pair_rows(user),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def mentoring_withdraw_view(request, pk):
    application = get_object_or_404(
        MentoringApplication.objects.filter(user=request.user), pk=pk
    )
    try:
        mentoring_withdraw(user=request.user, application=application)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, gettext_lazy("Your application has been withdrawn."))
    return redirect("members:mentoring")


@require_http_methods(["GET", "POST"])
def mentoring_proposal(request, token):
    """Reached from the proposal mail; GET shows, POST accepts or declines."""
    pair, role = mentoring_pair_for_token(token)
    if pair is None:
        raise Http404
    own_accepted = getattr(pair, f"{role}_accepted_at")
    answered = pair.status != MentoringPair.Status.PROPOSED or own_accepted
    other = pair.mentor_application if role == "mentee" else pair.mentee_application
    context = {
        "pair": pair,
        "role": role,
        "other": other,
        "other_name": display_name(other.user),
        "answered": answered,
    }
    if request.method == "POST":
        decision = request.POST.get("decision")
        if decision not in ("accept", "decline"):
            context["error"] = _("Please accept or decline.")
            return render(
                request, "members/mentoring/proposal.html", context, status=400
            )
        try:
            pair = mentoring_pair_respond(token=token, accept=decision == "accept")
        except ValidationError:
            return render(
                request,
                "members/mentoring/proposal.html",
                {**context, "answered": True},
                status=410,
            )
        if decision == "accept":
            messages.success(
                request,
                gettext_lazy(
                    "Thank you. You both get each other's address once both accepted."
                )
                if pair.status == MentoringPair.Status.PROPOSED
                else gettext_lazy(
                    "You have both accepted. Look out for the introduction mail."
                ),
            )
        else:
            messages.info(request, gettext_lazy("You have declined the proposal."))
        return redirect("members:mentoring_proposal", token)
    return render(request, "members/mentoring/proposal.html", context)


def mentoring_profile_link(request):
    """The profile shows the state of the own mentoring at a glance."""
    user = request.user
    if not is_verified_member(user):
        return None
    url = reverse("members:mentoring")
    pairs = _pair_rows(user)
    current = [row for row in pairs if row["pair"].status in ("proposed", "active")]
    if current:
        row = current[0]
        return (
            _("Mentoring: %(status)s with %(name)s")
            % {
                "status": row["pair"].get_status_display(),
                "name": row["other_name"],
            },
            url,
        )
    applications = list(mentoring_applications_of(user))
    if applications:
        return (
            _("Mentoring: application %(status)s")
            % {"status": applications[-1].get_status_display()},
            url,
        )
    return (_("Mentoring"), url)
