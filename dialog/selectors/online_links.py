"""Who may see the video or meeting link of an event or a course session.

The one rule every surface asks (pages, calendar files, mails):

- only online and hybrid items have a link to show;
- a page without registration: everyone who may open the page; a public page
  therefore shows it to everyone, also in the public calendar feeds, a
  members-only page only to those passing its view restriction;
- a page with registration ("open to guests" or "members only"): only a
  confirmed registration, for "members only" of a verified member;
- people who edit or organise the page always see it.

Public surfaces (calendar feeds, JSON calendar, API, search, sitemap,
schema.org data, subscription mails) ask as nobody (``user=None``) and name the
event page instead. A person is identified by an account (``user``) or, in a
mail, by the ``registration`` it goes to.
"""

from wagtail.models import Page

from core.people import is_verified_member
from core.selectors import restrictions_on, visible_to
from registrations.models import Registration, RegistrationMode
from registrations.selectors import user_can_manage_registrations

from ..models.schedules import EventFormat


def online_link_allowed(*, page, user=None, registration=None) -> bool:
    """Whether ``user`` (or the person of ``registration``) may see the links
    of ``page`` (an event or a course)."""
    if page.registration_mode == RegistrationMode.NONE:
        person = registration.user if registration is not None else user
        if not restrictions_on(page) or _may_open(page, person):
            return True
    elif registration is not None:
        if _confirmed_participant(page, registration.user, registration):
            return True
    elif user is not None and user.is_authenticated:
        own = Registration.objects.filter(
            page_id=page.pk, user=user, status=Registration.Status.CONFIRMED
        ).first()
        if own is not None and _confirmed_participant(page, user, own):
            return True
    return user_can_manage_registrations(user, page)


def online_link_for(*, item, page=None, user=None, registration=None) -> str:
    """``item``'s link (an event or a course session) if the person may see it,
    else ``""``. ``page`` is the page holding the registrations: the event
    itself, a session's course."""
    if not _has_link(item):
        return ""
    page = page if page is not None else _registration_page(item)
    if online_link_allowed(page=page, user=user, registration=registration):
        return item.online_link
    return ""


def online_links_for(*, page, user=None, registration=None) -> list[tuple]:
    """``(item, link or "")`` for the event, or for each session of a course,
    with the rule asked once for the page."""
    items = page.session_list if hasattr(page, "session_list") else [page]
    allowed = any(_has_link(item) for item in items) and online_link_allowed(
        page=page, user=user, registration=registration
    )
    return [
        (item, item.online_link if allowed and _has_link(item) else "")
        for item in items
    ]


def _has_link(item) -> bool:
    # Working groups have no link of their own (and no format).
    if not getattr(item, "online_link", ""):
        return False
    return item.event_format != EventFormat.ONSITE


def _registration_page(item):
    return item if hasattr(item, "registration_mode") else item.page


def _may_open(page, user) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return visible_to(Page.objects.filter(pk=page.pk), user).exists()


def _confirmed_participant(page, user, registration) -> bool:
    if registration.page_id != page.pk:
        return False
    if registration.status != Registration.Status.CONFIRMED:
        return False
    if page.registration_mode == RegistrationMode.MEMBERS:
        return is_verified_member(user)
    return True
