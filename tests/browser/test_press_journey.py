"""Journey (c): press staff write a decision briefing in the Wagtail admin, a
second person approves it, it is published and a subscriber gets the mail."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from wagtail.models import GroupPagePermission

from members.factories import VerifiedEmailFactory
from news.factories import SubscriptionFactory
from news.models import DecisionBriefingPage
from news.services.roles import briefing_parent_roles_ensure
from tests.browser.conftest import login, logout
from tests.conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Schulbauoffensive: Senat streicht zwölf Neubauten"


def _group(name, page, codenames):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    return group


def second_approval(news_index):
    """The workflow of the roles migration on the news section, and its approvers."""
    briefing_parent_roles_ensure(page=news_index)
    return _group(
        "Freigabe Briefings", news_index, ["add_page", "change_page", "publish_page"]
    )


@pytest.fixture
def people(make_user, news_index):
    approvers = second_approval(news_index)
    press = _group("Presse", news_index, ["add_page", "change_page"])
    writer = make_user("presse", groups=[press])
    approver = make_user("freigabe", groups=[approvers])
    for user in (writer, approver):
        VerifiedEmailFactory(user=user)
    return writer, approver


def test_press_briefing_is_published_after_a_second_approval_and_mailed(
    journey, people, news_index
):
    writer, approver = people
    SubscriptionFactory(subscriber__email="nachbarin@example.org")
    page = journey.page

    login(journey, writer.username, PASSWORD)
    journey.goto(f"/admin/pages/add/news/decisionbriefingpage/{news_index.pk}/")
    journey.screenshot("empty briefing form")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_decision_date").fill("2027-03-01")
    page.locator("#id_deciding_body").select_option(index=1)
    page.locator("#id_summary").fill("Der Senat will zwölf Schulneubauten streichen.")
    page.locator("[data-contentpath=at_stake] [contenteditable=true]").fill(
        "Klassen mit 32 Kindern bleiben."
    )
    page.locator("[data-contentpath=talking_points] button[title]").first.click()
    page.locator("[data-contentpath=talking_points] input[type=text]").first.fill(
        "Jede gestrichene Schule fehlt zehn Jahre lang."
    )
    journey.screenshot("briefing filled in")
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    page.locator("button[name=action-submit]").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{news_index.pk}/$"))
    assert page.get_by_role("link", name=TITLE).is_visible()
    journey.screenshot("submitted for approval")

    briefing = DecisionBriefingPage.objects.get(title=TITLE)
    assert not briefing.live
    assert briefing.current_workflow_state.workflow.name == "Zweite Freigabe"
    assert mail.outbox == [] or all(
        "nachbarin@example.org" not in m.to for m in mail.outbox
    )

    logout(journey)
    login(journey, approver.username, PASSWORD)
    journey.goto(f"/admin/pages/{briefing.pk}/edit/")
    journey.screenshot("approver opens the briefing")
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    page.get_by_role("button", name="Freigeben und Veröffentlichen").click()
    page.wait_for_load_state()
    journey.screenshot("approved")

    briefing.refresh_from_db()
    assert briefing.live
    sent = [m for m in mail.outbox if m.to == ["nachbarin@example.org"]]
    assert len(sent) == 1
    assert TITLE in sent[0].subject + sent[0].body

    logout(journey)
    journey.goto(briefing.url)
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    journey.screenshot("published briefing")
