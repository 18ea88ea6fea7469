"""Bidi control characters never reach a stored name, note or export.

U+202E turns "Mallory\u202egnp.exe" into "Malloryexe.png" on screen: in admin
lists and spreadsheets a name or an organisation could pose as something
else. Every personal text field of the public forms drops them
(``core.fields.PersonalTextField``); CSV exports drop them again.
"""

# The fixtures imported from test_fuzz_forms are parameters by name.
# ruff: noqa: F811

import csv
import io
import re

import pytest
from django import forms as django_forms
from django.contrib.auth import get_user_model
from django.urls import reverse

from comments import forms as comment_forms
from core.fields import PersonalTextField
from core.spreadsheets import spreadsheet_row
from members.forms import accounts, mentoring, onboarding, pool, privacy
from registrations import forms as registrations
from registrations.factories import RegistrationFactory
from registrations.models import RegistrationMode
from subscriptions import forms as subscription_forms
from surveys import forms as survey_forms
from tests.fuzz import post
from tests.portal.test_fuzz_forms import (  # noqa: F401 (fixtures)
    STORED,
    _no_limits,
    _text_columns,
    forms,
    refused,
)
from tests.registrations.registration_helpers import registrable_event
from tests.surveys.survey_helpers import survey_with_all_kinds
from tests.utils import human_form_fields
from tracker.forms import evaluation

BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
DISGUISES = [
    "Mallory\u202egnp.exe",
    "\u2067Mieterinitiative\u2069 \u202dKotti\u202c",
    "\u200fRosa\u200e L.\u061c",
    "Ada\u202a\u202b\u2066\u2068x",
]

# Fields with a format of their own get a disguise that fits it.
FORMATTED = {"phone": "030\u202e 1234567", "membership_number": "\u202e12345\u202c"}

# form → its personal text fields (the survey's free-text question is added below)
PERSONAL_FIELDS = {
    "guest_registration": ["name", "organisation", "accessibility_other"],
    "comment": ["body"],
    "comment_reply": ["body"],
    "comment_report": ["text"],
    "signup": ["display_name"],
    "phone_consent": ["phone"],
    "pool_entry": ["other_skills", "availability_note"],
    "pool_answer": ["text"],
    "mentoring_application": ["goals"],
    "profile": ["display_name"],
    "verification": ["membership_number"],
}


def stored_bidi_controls():
    found = []
    for model in STORED:
        for row in model._base_manager.all():
            for column in _text_columns(model):
                value = getattr(row, column.attname) or ""
                if BIDI.search(value):
                    found.append((model._meta.label, column.name, value))
    return found


def survey_text_field(form):
    return next(name for name, value in form.valid.items() if value == "Mehr Kurse")


@pytest.mark.parametrize("disguise", DISGUISES)
@pytest.mark.parametrize("name", [*PERSONAL_FIELDS, "survey_answer"])
def test_personal_text_is_stored_without_bidi_controls(client, forms, name, disguise):
    form = forms[name]
    fields = PERSONAL_FIELDS.get(name) or [survey_text_field(form)]
    if form.login:
        client.force_login(get_user_model().objects.get(username=form.login))
    data = {
        **form.valid,
        **{field: FORMATTED.get(field, disguise) for field in fields},
    }

    response = post(client, form.url, data, **human_form_fields(form.bot_form))

    assert response.status_code in (200, 302), response.status_code
    assert not refused(response), response.context["form"].errors
    assert stored_bidi_controls() == []


def test_the_visible_text_of_a_disguised_name_is_kept(client, event_index):
    page = registrable_event(event_index, registration_mode=RegistrationMode.OPEN)
    data = {
        "name": "Mallory\u202egnp.exe",
        "email": "mallory@example.org",
        "organisation": "\u2067Kiezladen\u2069",
        "consent": "on",
        **human_form_fields("registration"),
    }

    client.post(reverse("registrations:registration_form", args=[page.pk]), data)

    registration = page.registrations.get()
    assert (registration.name, registration.organisation) == (
        "Mallorygnp.exe",
        "Kiezladen",
    )


FORM_MODULES = [
    registrations,
    comment_forms,
    survey_forms,
    accounts,
    mentoring,
    onboarding,
    pool,
    privacy,
    subscription_forms,
    evaluation,
]
# Text that is not about a person: secrets, search words, the honeypot.
NOT_PERSONAL = {
    ("AccountEraseForm", "password"),
    ("SubscribeForm", "website"),
}


def personal_char_fields():
    for module in FORM_MODULES:
        for form_class in vars(module).values():
            if not (
                isinstance(form_class, type)
                and issubclass(form_class, django_forms.BaseForm)
                and form_class.__module__ == module.__name__
            ):
                continue
            for name, form_field in form_class.base_fields.items():
                if (
                    type(form_field) in (django_forms.CharField, PersonalTextField)
                    and (form_class.__name__, name) not in NOT_PERSONAL
                ):
                    yield form_class.__name__, name, form_field


def test_every_text_field_of_the_forms_drops_bidi_controls():
    fields = list(personal_char_fields())

    plain = [
        (form, name)
        for form, name, field in fields
        if not isinstance(field, PersonalTextField)
    ]
    assert plain == []
    assert len(fields) >= 20


def test_a_survey_free_text_question_drops_bidi_controls(db):
    survey, questions = survey_with_all_kinds()

    form = survey_forms.SurveyAnswerForm(survey=survey)

    text_field = form.fields[f"question_{questions['text'].pk}"]
    assert isinstance(text_field, PersonalTextField)


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("Mallory\u202egnp.exe", "Mallorygnp.exe"),
        ('\u202e=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("\u200f+49 30 1234", "'+49 30 1234"),
        ("＝1+1", "'＝1+1"),
        ("Ömer Yılmaz", "Ömer Yılmaz"),
        (3, 3),
    ],
)
def test_spreadsheet_cells_drop_bidi_controls_before_defusing_formulas(value, cell):
    assert spreadsheet_row([value]) == [cell]


def test_the_registration_export_shows_stored_names_undisguised(
    client, event_index, superuser
):
    page = registrable_event(event_index, registration_mode=RegistrationMode.OPEN)
    RegistrationFactory(
        page=page, name="Mallory\u202egnp.exe", organisation="\u2066=1+1\u2069"
    )
    client.force_login(superuser)

    response = client.get(reverse("registrations_csv", args=[page.pk]))

    body = response.content.decode("utf-8").lstrip("\ufeff")
    row = list(csv.reader(io.StringIO(body), delimiter=";"))[1]
    assert "Mallorygnp.exe" in row
    assert "'=1+1" in row
    assert not BIDI.search(body)
