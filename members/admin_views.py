"""Confirm, reject and revoke membership verifications from the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.people import display_name
from core.views import admin_forbidden_as_403

from .forms import VerificationRejectForm, VerificationRevokeForm
from .models import MembershipVerification
from .permissions import can_decide_verification, can_decide_verifications
from .services import verification_confirm, verification_reject, verification_revoke

INDEX_URL_NAME = "membership_verifications:index"


def _index_url():
    return reverse(INDEX_URL_NAME) + "?status=pending"


def _get_decidable(request, pk):
    if not can_decide_verifications(request.user):
        raise PermissionDenied
    verification = get_object_or_404(
        MembershipVerification.objects.select_related("user__profile", "district"),
        pk=pk,
    )
    if not can_decide_verification(request.user, verification):
        # Another district's request is as absent as a missing one.
        raise Http404
    return verification


_forbidden_as_403 = admin_forbidden_as_403("members/admin/forbidden.html")


@_forbidden_as_403
@require_POST
def confirm(request, pk):
    verification = _get_decidable(request, pk)
    try:
        verification_confirm(verification=verification, decided_by=request.user)
    except ValidationError as error:
        messages.warning(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s is now a verified member.")
            % {"name": display_name(verification.user)},
        )
    return redirect(_index_url())


class RejectView(WagtailAdminTemplateMixin, FormView):
    form_class = VerificationRejectForm
    template_name = "members/admin/verification_reject.html"
    page_title = gettext_lazy("Reject membership request")
    header_icon = "user"

    def dispatch(self, request, pk):
        self.verification = _get_decidable(request, pk)
        return super().dispatch(request, pk)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": _index_url(), "label": gettext_lazy("Confirm memberships")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["verification"] = self.verification
        context["name"] = display_name(self.verification.user)
        return context

    def form_valid(self, form):
        try:
            verification_reject(
                verification=self.verification,
                decided_by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.warning(self.request, " ".join(error.messages))
        else:
            messages.success(
                self.request,
                _("The request of %(name)s has been rejected.")
                % {"name": display_name(self.verification.user)},
            )
        return redirect(_index_url())


reject = _forbidden_as_403(RejectView.as_view())


class RevokeView(RejectView):
    form_class = VerificationRevokeForm
    template_name = "members/admin/verification_revoke.html"
    page_title = gettext_lazy("Revoke membership")

    def form_valid(self, form):
        try:
            verification_revoke(
                verification=self.verification,
                decided_by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(
            self.request,
            _("The membership of %(name)s has been revoked.")
            % {"name": display_name(self.verification.user)},
        )
        return redirect(reverse(INDEX_URL_NAME))


revoke = _forbidden_as_403(RevokeView.as_view())
