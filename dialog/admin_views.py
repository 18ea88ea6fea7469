from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from core.views import admin_forbidden_as_403

from .models.events import EventPage
from .models.schedules import same_weekday_next_month
from .services.events import event_copy_to_next_month


@admin_forbidden_as_403("core/admin/forbidden.html")
def event_copy_next_month(request, page_id):
    event = get_object_or_404(EventPage, id=page_id)
    if not event.get_parent().permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    if request.method == "POST":
        copy = event_copy_to_next_month(event=event, user=request.user)
        messages.success(
            request,
            _("Draft for %(date)s created. Check it and publish it.")
            % {"date": copy.start.strftime("%d.%m.%Y")},
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[copy.id]))
    return TemplateResponse(
        request,
        "dialog/admin/event_copy_next_month.html",
        {"page": event, "next_start": same_weekday_next_month(event.start)},
    )
