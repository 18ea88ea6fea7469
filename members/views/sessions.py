from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ..services import sessions_end_all


@login_required
@require_POST
def logout_everywhere(request):
    """End every session of the account, this browser's included."""
    sessions_end_all(user=request.user)
    logout(request)
    messages.success(request, gettext_lazy("You have been logged out on every device."))
    return redirect("/")


def sessions_link(request):
    """Profile link to the list of active sessions (``member_profile_links``)."""
    if not request.user.is_authenticated:
        return None
    from django.urls import reverse

    return _("Active sessions"), reverse("members:sessions")
