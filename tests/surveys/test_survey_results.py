"""Results for the survey team: charts whose tables match the responses, counts
by channel, CSV exports, free texts without identities, admin permissions."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.log_actions import registry

from core.audit import EXPORTED
from members.factories import ProfileFactory
from surveys.factories import (
    SurveyAnswerFactory,
    SurveyParticipationFactory,
    SurveyResponseFactory,
)
from surveys.models import Survey

from .survey_helpers import permission_group, survey_with_all_kinds


@pytest.fixture
def survey_staff(make_user):
    return make_user(
        "umfrageteam", groups=[permission_group("Umfrageteam", "manage_surveys")]
    )


def respond(survey, questions, user, *, channel="online", single, scale, text=""):
    SurveyParticipationFactory(survey=survey, member=user, channel=channel)
    response = SurveyResponseFactory(survey=survey)
    SurveyAnswerFactory(
        response=response, question=questions["single"], choices=[single]
    )
    SurveyAnswerFactory(response=response, question=questions["scale"], scale=scale)
    if text:
        SurveyAnswerFactory(response=response, question=questions["text"], text=text)
    return response


@pytest.fixture
def answered_survey(make_user, members_group, district):
    survey, questions = survey_with_all_kinds(title="Befragung 2026")
    plan = [
        ("online", "Ja", 5, "Mehr Stammtische im Kiez"),
        ("online", "Ja", 4, ""),
        ("online", "Nein", 2, "Abends ist schlecht"),
        ("phone", "Ja", 4, ""),
        ("phone", "Teils", 1, "Bessere Erreichbarkeit"),
    ]
    for number, (channel, single, scale, text) in enumerate(plan):
        user = make_user(f"mitglied{number}", groups=[members_group])
        ProfileFactory(user=user, display_name=f"Erkennbar {number}", district=district)
        respond(
            survey,
            questions,
            user,
            channel=channel,
            single=single,
            scale=scale,
            text=text,
        )
    return survey, questions


def table_rows(html, caption):
    """``{label: value}`` of the chart table with ``caption``."""
    start = html.index(f'<caption class="visually-hidden">{caption}</caption>')
    table = html[start : html.index("</table>", start)]
    return dict(re.findall(r'<th scope="row">([^<]*)</th>\s*<td>([^<]*)</td>', table))


def test_chart_tables_match_the_responses(client, survey_staff, answered_survey):
    survey, _questions = answered_survey
    client.force_login(survey_staff)

    response = client.get(reverse("survey_admin:results", args=[survey.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html
    assert table_rows(html, "Fühlen Sie sich gut informiert?") == {
        "Ja": "3",
        "Nein": "1",
        "Teils": "1",
    }
    assert table_rows(html, "Wie zufrieden sind Sie?") == {
        "1": "1",
        "2": "1",
        "3": "0",
        "4": "2",
        "5": "1",
    }
    channels = table_rows(html, "Antworten nach Weg")
    assert list(channels.values()) == ["3", "2"]


def test_free_texts_are_listed_without_names_or_districts(
    client, survey_staff, answered_survey
):
    survey, _questions = answered_survey
    client.force_login(survey_staff)

    html = client.get(
        reverse("survey_admin:results", args=[survey.pk])
    ).content.decode()

    texts = re.findall(r'<ul class="survey-results__texts">(.*?)</ul>', html, re.S)[0]
    assert re.findall(r"<li>([^<]*)</li>", texts) == [
        "Abends ist schlecht",
        "Bessere Erreichbarkeit",
        "Mehr Stammtische im Kiez",
    ]
    assert "Erkennbar" not in html
    assert "mitglied0" not in html
    assert "Friedrichshain" not in html


def test_aggregated_csv_has_counts_per_option_and_is_logged(
    client, survey_staff, answered_survey
):
    survey, _questions = answered_survey
    client.force_login(survey_staff)

    response = client.get(reverse("survey_admin:results_csv", args=[survey.pk]))

    rows = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    assert response["Content-Type"].startswith("text/csv")
    assert ["Fühlen Sie sich gut informiert?", "single", "Ja", "5", "3"] in rows
    assert ["Wie zufrieden sind Sie?", "scale", "4", "5", "2"] in rows
    assert ["Wie zufrieden sind Sie?", "scale", "Durchschnitt", "5", "3.20"] in rows
    assert registry.get_logs_for_instance(survey).filter(action=EXPORTED).exists()


def test_anonymised_csv_has_one_row_per_response_and_no_identities(
    client, survey_staff, answered_survey
):
    survey, _questions = answered_survey
    client.force_login(survey_staff)

    response = client.get(reverse("survey_admin:responses_csv", args=[survey.pk]))

    content = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0] == [
        "Fühlen Sie sich gut informiert?",
        "Welche Formate besuchen Sie?",
        "Wie zufrieden sind Sie?",
        "Was sollten wir besser machen?",
    ]
    assert sorted(rows[1:]) == sorted(
        [
            ["Ja", "", "5", "Mehr Stammtische im Kiez"],
            ["Ja", "", "4", ""],
            ["Nein", "", "2", "Abends ist schlecht"],
            ["Ja", "", "4", ""],
            ["Teils", "", "1", "Bessere Erreichbarkeit"],
        ]
    )
    for secret in ("Erkennbar", "mitglied", "Friedrichshain", "phone", "2026-"):
        assert secret not in content


def test_anonymised_csv_defuses_free_texts_that_look_like_formulas(
    client, survey_staff, make_user, members_group
):
    survey, questions = survey_with_all_kinds()
    for number, text in enumerate(["=cmd|' /C calc'!A0", "@SUM(A1:A9)", "+1-1"]):
        user = make_user(f"formel{number}", groups=[members_group])
        respond(survey, questions, user, single="Ja", scale=3, text=text)
    client.force_login(survey_staff)

    response = client.get(reverse("survey_admin:responses_csv", args=[survey.pk]))

    content = response.content.decode("utf-8-sig")
    texts = {row[3] for row in csv.reader(io.StringIO(content), delimiter=";")}
    assert {"'=cmd|' /C calc'!A0", "'@SUM(A1:A9)", "'+1-1"} <= texts


def test_results_need_the_survey_permission(client, member_user, answered_survey):
    survey, _questions = answered_survey
    member_user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(member_user)

    for name in ("results", "results_csv", "responses_csv", "call_lists"):
        response = client.get(reverse(f"survey_admin:{name}", args=[survey.pk]))
        assert response.status_code == 403, name


def test_staff_define_a_survey_with_questions_in_the_admin(client, survey_staff):
    client.force_login(survey_staff)
    data = {
        "title": "Neue Befragung",
        "intro": "",
        "status": "draft",
        "questions-TOTAL_FORMS": "2",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        "questions-0-text": "Wie alt bist du?",
        "questions-0-kind": "single",
        "questions-0-choices": "unter 35\n35 und älter",
        "questions-0-required": "on",
        "questions-0-ORDER": "1",
        "questions-1-text": "Was wünschst du dir?",
        "questions-1-kind": "text",
        "questions-1-choices": "",
        "questions-1-ORDER": "2",
    }

    response = client.post(reverse("survey_admin:add"), data)

    assert response.status_code == 302
    survey = Survey.objects.get(title="Neue Befragung")
    assert [q.text for q in survey.questions.all()] == [
        "Wie alt bist du?",
        "Was wünschst du dir?",
    ]


def test_choice_question_without_options_is_refused_in_the_admin(client, survey_staff):
    client.force_login(survey_staff)
    data = {
        "title": "Kaputte Befragung",
        "intro": "",
        "status": "draft",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        "questions-0-text": "Ja oder nein?",
        "questions-0-kind": "single",
        "questions-0-choices": "Ja",
        "questions-0-ORDER": "1",
    }

    response = client.post(reverse("survey_admin:add"), data)

    assert response.status_code == 200
    assert not Survey.objects.filter(title="Kaputte Befragung").exists()


def test_survey_admin_is_closed_to_people_without_the_permission(client, member_user):
    member_user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(member_user)

    response = client.get(reverse("survey_admin:index"))

    assert response.status_code in (302, 403)
    assert "Befragung" not in response.content.decode()


def test_edit_view_shows_questions_and_links_to_results(
    client, survey_staff, answered_survey
):
    survey, _questions = answered_survey
    client.force_login(survey_staff)

    response = client.get(reverse("survey_admin:edit", args=[survey.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Wie zufrieden sind Sie?" in html
    assert reverse("survey_admin:results", args=[survey.pk]) in html


def test_call_lists_page_shows_outcome_counts_but_no_names(
    client, survey_staff, answered_survey, district, make_user
):
    from surveys.factories import CallListEntryFactory, CallListFactory

    survey, _questions = answered_survey
    caller = make_user("anrufer", first_name="Carla")
    call_list = CallListFactory(survey=survey, district=district, caller=caller)
    member = make_user("versteckt", first_name="Versteckte", last_name="Person")
    CallListEntryFactory(call_list=call_list, member=member, outcome="declined")
    client.force_login(survey_staff)

    response = client.get(reverse("survey_admin:call_lists", args=[survey.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Friedrichshain-Kreuzberg" in html
    assert "Carla" in html
    assert "Versteckte" not in html


def test_survey_team_sees_the_survey_list_and_the_add_form(
    client, survey_staff, answered_survey
):
    client.force_login(survey_staff)

    index = client.get(reverse("survey_admin:index") + "?status=open")
    add = client.get(reverse("survey_admin:add"))

    assert index.status_code == 200
    assert "Befragung 2026" in index.content.decode()
    assert add.status_code == 200
    assert 'name="questions-TOTAL_FORMS"' in add.content.decode()
