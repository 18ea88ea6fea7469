"""Helpers shared by the registration tests."""

import factory
from django.urls import reverse

from dialog.factories import EventPageFactory
from dialog.models import EventPage
from registrations.models import Registration, RegistrationMode
from tests.utils import human_form_fields, in_days


def registrable_event(parent, **fields):
    defaults = dict(
        title=factory.Sequence(lambda n: f"Basiskonferenz Wohnen {n}"),
        kind=EventPage.Kind.BASE_CONFERENCE,
        registration_mode=RegistrationMode.MEMBERS,
        capacity=2,
        start=in_days(10),
    )
    defaults.update(fields)
    return EventPageFactory(parent=parent, **defaults)


def register_url(page):
    return reverse("registrations:registration_form", args=[page.pk])


def statuses(page):
    """Status per person name in registration order."""
    return [
        (registration.person_name, registration.status)
        for registration in Registration.objects.filter(page=page).order_by("pk")
    ]


GUEST = {
    "name": "Hanna Beispiel",
    "email": "hanna@example.org",
    "organisation": "Mieterinitiative Kotti",
    "consent": "on",
    **human_form_fields("registration"),
}


def guest_data(*, client=None, **changes):
    """GUEST with a fresh bot-check token: each token is good for one post
    (bound to ``client``'s CSRF cookie once a page has set one)."""
    return {**GUEST, **human_form_fields("registration", client=client), **changes}
