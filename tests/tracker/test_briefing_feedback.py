"""Members say whether a briefing helped them explain the decision."""

import re

import pytest
from django.urls import reverse

from members.privacy import member_data_erase, member_data_export
from tracker.models import BriefingFeedback


def feedback_url(briefing):
    return reverse("tracker:briefing_feedback", args=[briefing.pk])


def answer(client, briefing, **data):
    return client.post(feedback_url(briefing), {"consent": "on", **data})


def test_member_sees_the_question_on_the_briefing(client, member_user, public_briefing):
    client.force_login(member_user)

    html = client.get(public_briefing.url).content.decode()

    assert 'id="feedback"' in html
    assert feedback_url(public_briefing) in html


def test_visitors_and_non_members_are_not_asked(
    client, non_member_user, public_briefing
):
    assert 'id="feedback"' not in client.get(public_briefing.url).content.decode()
    client.force_login(non_member_user)
    assert 'id="feedback"' not in client.get(public_briefing.url).content.decode()


def test_member_answers_with_a_remark(client, member_user, public_briefing):
    client.force_login(member_user)

    response = answer(
        client, public_briefing, answer="partly", remark="Mehr Zahlen bitte."
    )

    assert response.status_code == 302
    assert response["Location"].endswith("?rueckmeldung=gespeichert#feedback")
    feedback = BriefingFeedback.objects.get()
    assert (feedback.answer, feedback.remark) == ("partly", "Mehr Zahlen bitte.")
    assert feedback.consented_at is not None


def test_answering_again_changes_the_one_answer(client, member_user, public_briefing):
    client.force_login(member_user)
    answer(client, public_briefing, answer="no")

    answer(client, public_briefing, answer="yes")

    assert BriefingFeedback.objects.count() == 1
    assert BriefingFeedback.objects.get().answer == "yes"
    html = client.get(public_briefing.url).content.decode()
    assert re.search(r'value="yes"[^>]*checked', html)


def test_each_member_has_their_own_answer(
    client, member_user, make_user, members_group, public_briefing
):
    other = make_user("karl", groups=[members_group])
    client.force_login(member_user)
    answer(client, public_briefing, answer="no")
    client.force_login(other)
    answer(client, public_briefing, answer="yes")

    assert sorted(BriefingFeedback.objects.values_list("answer", flat=True)) == [
        "no",
        "yes",
    ]


def test_answer_without_choice_or_consent_is_a_400_and_not_stored(
    client, member_user, public_briefing
):
    client.force_login(member_user)

    no_choice = answer(client, public_briefing, remark="Hm.")
    no_consent = client.post(feedback_url(public_briefing), {"answer": "yes"})

    assert no_choice.status_code == 400 and no_consent.status_code == 400
    assert 'role="alert"' in no_choice.content.decode()
    assert not BriefingFeedback.objects.exists()


def test_remark_longer_than_500_characters_is_refused(
    client, member_user, public_briefing
):
    client.force_login(member_user)

    response = answer(client, public_briefing, answer="yes", remark="x" * 501)

    assert response.status_code == 400
    assert not BriefingFeedback.objects.exists()


def test_non_member_may_not_answer(client, non_member_user, public_briefing):
    client.force_login(non_member_user)

    response = answer(client, public_briefing, answer="yes")

    assert response.status_code == 403
    assert not BriefingFeedback.objects.exists()


def test_visitor_is_sent_to_the_login(client, public_briefing):
    response = answer(client, public_briefing, answer="yes")

    assert response.status_code == 302
    assert not BriefingFeedback.objects.exists()


def test_unknown_briefing_is_a_404(client, member_user, public_briefing):
    client.force_login(member_user)

    response = client.post(reverse("tracker:briefing_feedback", args=[99999]), {})

    assert response.status_code == 404


def test_member_deletes_their_answer(client, member_user, public_briefing):
    client.force_login(member_user)
    answer(client, public_briefing, answer="yes")

    response = client.post(feedback_url(public_briefing), {"withdraw": "1"})

    assert response.status_code == 302
    assert not BriefingFeedback.objects.exists()


def test_answers_are_in_the_data_export_and_erased(
    client, member_user, public_briefing
):
    client.force_login(member_user)
    answer(client, public_briefing, answer="partly", remark="Gut.")

    exported = member_data_export(member_user)["briefing_feedback"]
    member_data_erase(member_user)

    assert exported[0]["answer"] == "partly" and exported[0]["remark"] == "Gut."
    assert not BriefingFeedback.objects.exists()


@pytest.mark.parametrize("method", ["get"])
def test_feedback_url_only_takes_posts(client, member_user, public_briefing, method):
    client.force_login(member_user)

    response = getattr(client, method)(feedback_url(public_briefing))

    assert response.status_code == 405
