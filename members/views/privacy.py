"""The own-data page and download, and the erasure of one's own account."""

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.ratelimit import rate_limit

from ..forms import AccountEraseForm
from ..permissions import can_erase_own_account
from ..services import account_erase, member_data_download


@login_required
@require_GET
def my_data(request):
    return render(
        request,
        "members/my_data.html",
        {"may_erase": can_erase_own_account(request.user)},
    )


@login_required
@require_POST
@rate_limit("data_export")
def my_data_export(request):
    response = HttpResponse(
        member_data_download(user=request.user),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="meine-daten.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@rate_limit("account_erase")
def account_delete(request):
    user = request.user
    if not can_erase_own_account(user):
        return render(
            request,
            "members/account_delete_refused.html",
            status=403 if request.method == "POST" else 200,
        )
    form = AccountEraseForm(
        request.POST if request.method == "POST" else None, user=user
    )
    if form.is_bound and form.is_valid():
        account_erase(user=user)
        logout(request)
        return redirect("members:account_deleted")
    return render(
        request,
        "members/account_delete.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_GET
def account_deleted(request):
    return render(request, "members/account_deleted.html")
