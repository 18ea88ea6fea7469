"""Building blocks for the survey tests: a survey with every kind of question,
members with a profile and phone consent, callers and survey staff."""

from django.contrib.auth.models import Group, Permission

from members.factories import ProfileFactory
from surveys.factories import (
    SurveyFactory,
    SurveyPhoneConsentFactory,
    SurveyQuestionFactory,
)


def survey_with_all_kinds(**fields):
    survey = SurveyFactory(**fields)
    questions = {
        "single": SurveyQuestionFactory(
            survey=survey,
            text="Fühlen Sie sich gut informiert?",
            kind="single",
            choices="Ja\nNein\nTeils",
        ),
        "multiple": SurveyQuestionFactory(
            survey=survey,
            text="Welche Formate besuchen Sie?",
            kind="multiple",
            choices="Stammtisch\nBasiskonferenz\nBildung",
            required=False,
        ),
        "scale": SurveyQuestionFactory(
            survey=survey, text="Wie zufrieden sind Sie?", kind="scale", choices=""
        ),
        "text": SurveyQuestionFactory(
            survey=survey,
            text="Was sollten wir besser machen?",
            kind="text",
            choices="",
            required=False,
        ),
    }
    return survey, questions


def answer_data(questions, *, single="Ja", multiple=(), scale="4", text=""):
    data = {
        f"question_{questions['single'].pk}": single,
        f"question_{questions['scale'].pk}": scale,
        f"question_{questions['text'].pk}": text,
    }
    if multiple:
        data[f"question_{questions['multiple'].pk}"] = list(multiple)
    return data


def permission_group(name, codename):
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(codename=codename, content_type__app_label="surveys")
    )
    if codename == "manage_surveys":
        # The state-wide survey team: call lists for every district.
        group.permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="coordinate_all_districts"),
        )
    return group


def callable_member(make_user, members_group, district, username, *, name, phone):
    """A verified member of ``district`` who agreed to survey calls."""
    user = make_user(username, groups=[members_group])
    ProfileFactory(user=user, display_name=name, district=district)
    SurveyPhoneConsentFactory(user=user, phone=phone)
    return user
