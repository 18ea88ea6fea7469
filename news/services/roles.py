"""The press office's pages and the second approval of decision briefings.

Called by ``core.roles.roles_sync`` (hook ``roles_sync``) and when an editor
creates a news section or a district page.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowTask

from core.roles import (
    EDITOR_PAGE_PERMISSIONS,
    MEDIA_PERMISSIONS,
    PRESS_GROUP_NAME,
    STATE_OFFICE_GROUP_NAME,
    collection_permissions_grant,
    page_permissions_grant,
)
from home.models import DistrictPage

from ..models import NewsIndexPage
from ..models.workflows import (
    APPROVERS_GROUP_NAME,
    SECOND_APPROVAL_TASK_NAME,
    SECOND_APPROVAL_WORKFLOW_NAME,
    SecondPersonApprovalTask,
)


def briefing_parents():
    """Where decision briefings are created: news sections and district pages."""
    return Page.objects.type(NewsIndexPage, DistrictPage)


def news_sections():
    return Page.objects.type(NewsIndexPage)


@transaction.atomic
def second_approval_workflow_ensure() -> Workflow:
    """The workflow "Zweite Freigabe": one task for the approvers' group."""
    approvers, _created = Group.objects.get_or_create(name=APPROVERS_GROUP_NAME)
    workflow, _created = Workflow.objects.get_or_create(
        name=SECOND_APPROVAL_WORKFLOW_NAME, defaults={"active": True}
    )
    task = SecondPersonApprovalTask.objects.filter(
        name=SECOND_APPROVAL_TASK_NAME
    ).first()
    if task is None:
        task = SecondPersonApprovalTask.objects.create(name=SECOND_APPROVAL_TASK_NAME)
    task.groups.add(approvers)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    return workflow


@transaction.atomic
def briefing_parent_roles_ensure(*, page: Page) -> None:
    """The second approval on one briefing parent; press permissions on news sections.

    The press office gets no page permissions on district pages: whoever may
    change a district page manages that district (registrations, memberships,
    ``home.selectors.districts_managed_by``); district briefings are written by
    the district's editors and still need the second approval.
    """
    if isinstance(page.specific, NewsIndexPage):
        press, _created = Group.objects.get_or_create(name=PRESS_GROUP_NAME)
        page_permissions_grant(
            group=press, page=page, codenames=EDITOR_PAGE_PERMISSIONS
        )
    workflow = second_approval_workflow_ensure()
    # A page keeps a workflow an editor chose for it.
    WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def press_roles_sync() -> dict:
    press, _created = Group.objects.get_or_create(name=PRESS_GROUP_NAME)
    collection_permissions_grant(group=press, names=MEDIA_PERMISSIONS)
    state_office = Group.objects.filter(name=STATE_OFFICE_GROUP_NAME).first()
    if state_office is not None:
        collection_permissions_grant(group=state_office, names=MEDIA_PERMISSIONS)
    parents = list(briefing_parents().order_by("path"))
    for page in parents:
        briefing_parent_roles_ensure(page=page)
    return {"briefing_workflow_pages": [page.title for page in parents]}
