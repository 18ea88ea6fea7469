"""Registering, confirming, accepting and cancelling – with or without login."""

import functools
import logging

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import DatabaseError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from core.audit import personal_data_accessed
from core.bot_protection import bot_protected, form_accepted
from core.flash import lazy_format
from core.ratelimit import RecipientLimited, rate_limit
from core.spreadsheets import csv_response
from core.views import admin_forbidden_as_403

from .forms import RegistrationForm
from .models import Registration, RegistrationMixin, RegistrationMode
from .selectors import (
    registration_list,
    registration_pages_for,
    registration_report,
    registration_state,
    user_can_manage_registrations,
)
from .services import (
    RegistrationError,
    members_only_error,
    registration_cancel,
    registration_confirm_guest,
    registration_create,
    registration_from_token,
    registration_promote,
    token_expired_error,
    token_used_error,
    waitlist_offer_accept,
)

# The key it had in the dialog app, for sessions begun before the move.
DONE_SESSION_KEY = "dialog_registration_done"
GUEST_DONE = "guest"
logger = logging.getLogger(__name__)


def _registrable_page(request, page_id):
    """The live page, if it takes registrations and ``request`` may open it."""
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if (
        not isinstance(page, RegistrationMixin)
        or page.registration_mode == RegistrationMode.NONE
    ):
        raise Http404
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return page


def _problem(request, error: RegistrationError, *, page=None):
    return TemplateResponse(
        request,
        "registrations/problem.html",
        {"message": error.message, "code": error.code, "target": page},
        status=error.status,
    )


@require_http_methods(["GET", "POST"])
@rate_limit("registration")
@bot_protected(form="registration", reshow=True)
def registration_form(request, page_id):
    """The form on its own page: shown again with errors, or without the event."""
    page = _registrable_page(request, page_id)
    user = request.user
    not_saved = False
    status = None
    if request.method == "POST":
        if page.registration_mode == RegistrationMode.MEMBERS and (
            not user.is_authenticated
        ):
            if request.POST.get("email"):
                # A guest typed in their details: say plainly that guests
                # cannot register here, rather than sending them to a login.
                return _problem(request, members_only_error(), page=page)
            return redirect_to_login(page.url)
        form = RegistrationForm(request.POST, page=page, user=user)
        if form_accepted(request, form):
            try:
                registration, _created = registration_create(
                    page=page,
                    user=user,
                    guest=form.guest(),
                    answers=form.answers(),
                    language=getattr(request, "LANGUAGE_CODE", ""),
                )
            except RegistrationError as error:
                return _problem(request, error, page=page)
            except RecipientLimited as limited:
                form.add_error(None, limited.message)
                status = 429
            except DatabaseError:
                # The service's transaction rolled back: nothing is stored and
                # the person can simply send the form again.
                logger.exception("Registration for page %s not saved", page.pk)
                not_saved = True
            else:
                # A guest sees the same page whether the address was new or
                # already registered: its status is the address owner's business.
                request.session[DONE_SESSION_KEY] = (
                    registration.pk if user.is_authenticated else GUEST_DONE
                )
                return redirect("registrations:registration_done", page_id=page.pk)
    else:
        form = RegistrationForm(page=page, user=user)
    return TemplateResponse(
        request,
        "registrations/form_page.html",
        {
            "page": page,
            "form": form,
            "state": registration_state(page=page, user=user),
            "not_saved": not_saved,
        },
        status=status or (400 if form.is_bound and not not_saved else 200),
    )


def registration_done(request, page_id):
    """After registering: what happens next (confirmed, waiting, check mail)."""
    page = _registrable_page(request, page_id)
    done = request.session.get(DONE_SESSION_KEY)
    if done == GUEST_DONE:
        registration = Registration(page=page, status=Registration.Status.UNCONFIRMED)
    elif isinstance(done, int):
        registration = Registration.objects.filter(pk=done, page_id=page.pk).first()
    else:
        registration = None
    if registration is None:
        return redirect(page.url)
    return TemplateResponse(
        request,
        "registrations/done.html",
        {"page": page, "registration": registration, "guest": done == GUEST_DONE},
    )


def _own_registration(request, registration_id):
    registration = (
        Registration.objects.select_related("page")
        .filter(pk=registration_id, user_id=request.user.pk)
        .first()
    )
    if registration is None:
        raise Http404
    return registration


@require_POST
def registration_cancel_own(request, registration_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    registration = _own_registration(request, registration_id)
    try:
        registration_cancel(registration=registration)
    except RegistrationError as error:
        return _problem(request, error, page=registration.page)
    return TemplateResponse(
        request,
        "registrations/token_done.html",
        {"registration": registration, "purpose": "cancel"},
    )


@require_POST
def registration_accept_own(request, registration_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    registration = _own_registration(request, registration_id)
    try:
        waitlist_offer_accept(registration=registration)
    except RegistrationError as error:
        return _problem(request, error, page=registration.page)
    return TemplateResponse(
        request,
        "registrations/token_done.html",
        {"registration": registration, "purpose": "accept"},
    )


TOKEN_ACTIONS = {
    "confirm": registration_confirm_guest,
    "accept": waitlist_offer_accept,
    "cancel": registration_cancel,
}
TOKEN_PENDING = {
    "confirm": (Registration.Status.UNCONFIRMED,),
    "accept": (Registration.Status.OFFERED,),
    "cancel": Registration.ACTIVE,
}


def _token_view(purpose):
    """GET shows what the link does with a button; POST does it.

    A GET never changes anything: mail scanners open links before people do.
    """

    @require_http_methods(["GET", "POST"])
    def view(request, token):
        try:
            registration = registration_from_token(token=token, purpose=purpose)
            if request.method == "POST":
                TOKEN_ACTIONS[purpose](registration=registration)
                template = "registrations/token_done.html"
            else:
                if registration.status not in TOKEN_PENDING[purpose]:
                    return _problem(
                        request,
                        _used_or_expired(registration, purpose),
                        page=registration.page,
                    )
                template = "registrations/token_confirm.html"
        except RegistrationError as error:
            return _problem(request, error)
        return TemplateResponse(
            request,
            template,
            {
                "registration": registration,
                "purpose": purpose,
                "action": reverse(
                    f"registrations:registration_{purpose}", args=[token]
                ),
            },
        )

    view.__name__ = f"registration_{purpose}"
    return view


def _used_or_expired(registration, purpose):
    if registration.status == Registration.Status.EXPIRED:
        return token_expired_error()
    return token_used_error()


registration_confirm = _token_view("confirm")
registration_accept = _token_view("accept")
registration_cancel_by_token = _token_view("cancel")


# -- organisers (Wagtail admin) ------------------------------------------------

CSV_COLUMNS = [
    ("status", _("Registration status")),
    ("name", _("Name")),
    ("email", _("Email address")),
    ("organisation", _("Organisation or initiative")),
    ("created_at", _("Registered at")),
    ("confirmed_at", _("Confirmed at")),
    ("children", _("Children")),
    ("children_ages", _("Ages of children")),
    ("step_free", _("Needs step-free access")),
    ("accessibility_other", _("Other accessibility needs")),
    ("online", _("Takes part online")),
]


def organiser_view(view):
    """Look up the page; 404 for anyone who does not organise it, so a page's
    registrations are as absent for them as a page that does not exist."""

    @functools.wraps(view)
    def wrapped(request, page_id, **kwargs):
        page = Page.objects.filter(pk=page_id).specific().first()
        if not isinstance(page, RegistrationMixin):
            raise Http404
        if not user_can_manage_registrations(request.user, page):
            raise Http404
        return view(request, page, **kwargs)

    return admin_forbidden_as_403("registrations/admin/forbidden.html")(wrapped)


def registration_index_view(request):
    """The organiser's entry point: every page with registrations in their scope."""
    return TemplateResponse(
        request,
        "registrations/admin/index.html",
        {"pages": registration_pages_for(request.user)},
    )


@organiser_view
def registration_report_view(request, page):
    report = registration_report(page=page)
    count = sum(len(people) for people in report.by_status.values())
    if count:
        personal_data_accessed(
            user=request.user, instance=page, what="registrations", count=count
        )
    return TemplateResponse(
        request,
        "registrations/admin/report.html",
        {"page": page, "report": report},
    )


@organiser_view
def registration_csv_view(request, page):
    """Opens correctly in German Excel and LibreOffice (``csv_response``)."""
    yes, no = gettext("yes"), gettext("no")
    registrations = list(registration_list(page=page))
    personal_data_accessed(
        user=request.user,
        instance=page,
        what="registrations (CSV)",
        count=len(registrations),
        exported=True,
    )
    rows = (
        [
            registration.get_status_display(),
            registration.person_name,
            registration.contact_email,
            registration.organisation,
            _local(registration.created_at),
            _local(registration.confirmed_at),
            len(registration.children_ages),
            ", ".join(str(age) for age in registration.children_ages),
            yes if registration.needs_step_free else no,
            registration.accessibility_other,
            yes if registration.online else no,
        ]
        for registration in registrations
    )
    return csv_response(
        f"anmeldungen-{page.slug}.csv",
        [str(label) for _key, label in CSV_COLUMNS],
        rows,
    )


def _local(moment):
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M") if moment else ""


@require_POST
@organiser_view
def registration_promote_view(request, page, registration_id):
    registration = get_object_or_404(Registration, pk=registration_id, page_id=page.pk)
    try:
        registration_promote(registration=registration)
    except RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            lazy_format(_("%(name)s is now confirmed."), name=registration.person_name),
        )
    return redirect("registrations_report", page_id=page.pk)
