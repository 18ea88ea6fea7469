"""Demo survey: an open member survey with every kind of question, ~30 answers
online and by phone, and a call list for the demo caller ``anrufer``."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from core.services import members_group_get
from home.models import DistrictPage
from members.models import Profile
from surveys.factories import (
    SurveyFactory,
    SurveyPhoneConsentFactory,
    SurveyQuestionFactory,
)
from surveys.models import CallList, Survey, SurveyPhoneConsent
from surveys.services import call_list_create, survey_response_submit

CALLER = ("anrufer", "demo-anrufer-2026", "Carla", "Conrad")
CALLERS_GROUP = "Anrufende Mitgliederbefragung"
SURVEY_TITLE = "Mitgliederbefragung 2026: Mitmachen in der Partei"
QUESTIONS = [
    (
        "Wie gut fühlst du dich über die Arbeit deines Bezirksverbands informiert?",
        "single",
        "Sehr gut\nEher gut\nEher schlecht\nSchlecht",
    ),
    (
        "Welche Formate hast du im letzten Jahr besucht?",
        "multiple",
        "Mitgliederversammlung\nStammtisch\nBasiskonferenz\nBildungsangebot\nKeine",
    ),
    ("Wie willkommen hast du dich als neues Mitglied gefühlt?", "scale", ""),
    ("Was sollten wir besser machen?", "text", ""),
]
TEXTS = [
    "Mehr Treffen am Wochenende, abends ist mit Kindern schwierig.",
    "Eine Patin für neue Mitglieder wäre toll.",
    "Online-Formate für Leute mit Pflegeaufgaben.",
    "Mehr Aktionen in den Außenbezirken.",
    "",
]


def load(outcomes) -> None:
    caller = _caller(outcomes)
    survey = Survey.objects.filter(title=SURVEY_TITLE).first()
    if survey is not None:
        outcomes["unchanged"] += 1
        return
    survey = SurveyFactory(
        title=SURVEY_TITLE,
        status=Survey.Status.OPEN,
        intro=(
            "Wir wollen wissen, wie du die Mitarbeit in der Partei erlebst. "
            "Deine Antworten werden ohne Verbindung zu deinem Konto gespeichert."
        ),
    )
    questions = [
        SurveyQuestionFactory(
            survey=survey,
            text=text,
            kind=kind,
            choices=choices,
            required=kind in ("single", "scale"),
            sort_order=index,
        )
        for index, (text, kind, choices) in enumerate(QUESTIONS)
    ]
    districts = list(DistrictPage.objects.order_by("title"))
    people = [_member(number, districts) for number in range(1, 41)]
    for number, person in enumerate(people[:30]):
        survey_response_submit(
            survey=survey,
            respondent=person,
            answers=_answers(questions, number),
            channel="phone" if number % 3 == 0 else "online",
        )
    fk = DistrictPage.objects.get(slug="friedrichshain-kreuzberg")
    for person in people[30:]:
        Profile.objects.filter(user=person).update(district=fk)
        if not SurveyPhoneConsent.objects.filter(user=person).exists():
            SurveyPhoneConsentFactory(user=person)
    if not CallList.objects.filter(survey=survey).exists():
        call_list_create(survey=survey, district=fk, caller=caller, created_by=None)
    outcomes["created"] += 1


def _answers(questions, number):
    single, multiple, scale, text = questions
    return {
        single.pk: single.choice_list[number % 4],
        multiple.pk: multiple.choice_list[number % 3 : number % 3 + 2],
        scale.pk: 1 + (number * 7) % 5,
        text.pk: TEXTS[number % len(TEXTS)],
    }


def _member(number, districts):
    user, created = get_user_model().objects.get_or_create(
        username=f"umfrage-{number:02d}",
        defaults={"first_name": "Mitglied", "last_name": f"{number:02d}"},
    )
    if created:
        user.set_unusable_password()
        user.save()
    user.groups.add(members_group_get())
    Profile.objects.get_or_create(
        user=user,
        defaults={
            "display_name": f"Mitglied {number:02d}",
            "district": districts[number % len(districts)],
        },
    )
    return user


def _caller(outcomes):
    username, password, first, last = CALLER
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@example.org",
        },
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.save()
    group, _ = Group.objects.get_or_create(name=CALLERS_GROUP)
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="surveys", codename="call_survey_members"
        )
    )
    user.groups.add(group, members_group_get())
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    Profile.objects.get_or_create(
        user=user, defaults={"display_name": "Carla (Telefonteam)"}
    )
    outcomes["created" if created else "unchanged"] += 1
    return user
