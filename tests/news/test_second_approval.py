"""Decision briefings are published only after a second person approved them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow, WorkflowState

from core.roles import APPROVERS_GROUP_NAME, PRESS_GROUP_NAME
from news.factories import DecisionBriefingPageFactory
from news.models import DecisionBriefingPage
from news.services.roles import briefing_parent_roles_ensure
from tests.news.test_members_only_briefings import briefing_form_data


@pytest.fixture
def press_approvers(news_index):
    briefing_parent_roles_ensure(page=news_index)
    return [Group.objects.get(name=PRESS_GROUP_NAME)] + [
        Group.objects.get(name=APPROVERS_GROUP_NAME)
    ]


@pytest.fixture
def author(make_user, press_approvers):
    return make_user("presse", groups=press_approvers)


@pytest.fixture
def second_person(make_user, press_approvers):
    return make_user("freigabe", groups=press_approvers)


@pytest.fixture
def draft(news_index, author):
    page = DecisionBriefingPageFactory(parent=news_index, title="Mietendeckel 2027")
    page.unpublish()
    page.save_revision(user=author)
    return DecisionBriefingPage.objects.get(pk=page.pk)


def edit(client, page, **action):
    data = briefing_form_data(page)
    data.pop("action-publish")
    data.update(action)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def submit(client, page):
    return edit(client, page, **{"action-submit": "1"})


def approve(client, page):
    return edit(
        client,
        page,
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
    )


def test_the_migration_creates_the_workflow_for_the_approvers(db):
    workflow = Workflow.objects.get(name="Zweite Freigabe")
    task = workflow.tasks.get().specific

    assert [group.name for group in task.groups.all()] == ["Freigabe Briefings"]


def test_news_sections_get_the_second_approval_workflow(news_index, press_approvers):
    assert news_index.get_workflow().name == "Zweite Freigabe"


def test_press_staff_cannot_publish_a_briefing_directly(client, author, draft):
    client.force_login(author)

    edit(client, draft, **{"action-publish": "action-publish"})

    assert not DecisionBriefingPage.objects.get(pk=draft.pk).live


def test_even_a_superuser_cannot_publish_a_briefing_directly(client, superuser, draft):
    client.force_login(superuser)

    edit(client, draft, **{"action-publish": "action-publish"})

    assert not DecisionBriefingPage.objects.get(pk=draft.pk).live


def test_creating_a_briefing_with_publish_is_refused(client, author, news_index):
    client.force_login(author)
    page = DecisionBriefingPageFactory.build(title="Neu", slug="neu")
    url = reverse(
        "wagtailadmin_pages:add",
        args=["news", "decisionbriefingpage", news_index.pk],
    )

    response = client.post(url, briefing_form_data(page))

    assert response.status_code == 403
    assert "zweite Person" in response.text or "second person" in response.text
    assert not DecisionBriefingPage.objects.filter(slug="neu").exists()


def test_the_submitter_cannot_approve_their_own_briefing(client, author, draft):
    client.force_login(author)
    submit(client, draft)
    assert WorkflowState.objects.filter(requested_by=author).exists()

    approve(client, draft)

    state = WorkflowState.objects.get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not DecisionBriefingPage.objects.get(pk=draft.pk).live


def test_a_second_person_approves_and_the_briefing_goes_live(
    client, author, second_person, draft
):
    client.force_login(author)
    submit(client, draft)
    client.force_login(second_person)

    approve(client, draft)

    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED
    assert DecisionBriefingPage.objects.get(pk=draft.pk).live


def test_the_submitter_does_not_see_their_own_briefing_as_awaiting_review(
    author, second_person, draft, client
):
    client.force_login(author)
    submit(client, draft)
    task = Workflow.objects.get(name="Zweite Freigabe").tasks.get().specific

    assert not task.get_task_states_user_can_moderate(author).exists()
    assert task.get_task_states_user_can_moderate(second_person).count() == 1


def test_news_articles_stay_directly_publishable(client, author, news_index):
    from news.factories import NewsArticlePageFactory

    article = NewsArticlePageFactory(parent=news_index)

    assert article.permissions_for_user(author).can_publish()
