"""Members answer whether a briefing helped them (site view)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.people import is_verified_member
from core.selectors import visible_to
from news.models import DecisionBriefingPage

from ..forms import FeedbackForm
from ..services.evaluation import feedback_save, feedback_withdraw


@login_required
@require_POST
def briefing_feedback(request, briefing_id):
    if not is_verified_member(request.user):
        return render(request, "tracker/feedback_members_only.html", status=403)
    briefing = (
        visible_to(DecisionBriefingPage.objects.live(), request.user)
        .filter(id=briefing_id)  # not pk: see dialog.views.working_groups
        .first()
    )
    if briefing is None:
        raise Http404
    back = briefing.get_url(request) or "/"
    if "withdraw" in request.POST:
        feedback_withdraw(briefing=briefing, user=request.user)
        return redirect(back + "?rueckmeldung=geloescht#feedback")
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "tracker/feedback_form_page.html",
            {
                "briefing": briefing,
                "section": {"form": form, "action": request.path},
            },
            status=400,
        )
    feedback_save(
        briefing=briefing,
        user=request.user,
        answer=form.cleaned_data["answer"],
        remark=form.cleaned_data["remark"],
    )
    return redirect(back + "?rueckmeldung=gespeichert#feedback")
