"""The second-approval step for decision briefings ("Zweite Freigabe")."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, PagePermissionTester

from core.roles import APPROVERS_GROUP_NAME

SECOND_APPROVAL_WORKFLOW_NAME = "Zweite Freigabe"
SECOND_APPROVAL_TASK_NAME = "Freigabe durch eine zweite Person"


def _submitted_by(user, obj=None, task_state=None) -> bool:
    """Whether ``user`` submitted the page for approval.

    An approver may correct the text before approving (their edit becomes the
    revision under review), so the submitter, not the revision's author, counts.
    """
    if task_state is not None:
        workflow_state = task_state.workflow_state
    else:
        workflow_state = getattr(obj, "current_workflow_state", None)
    return workflow_state is not None and workflow_state.requested_by_id == user.pk


def needs_second_approval(page) -> bool:
    """Whether the workflow that covers ``page`` has a second-person approval."""
    workflow = page.get_workflow()
    return (
        workflow is not None
        and SecondPersonApprovalTask.objects.filter(
            workflow_tasks__workflow=workflow, active=True
        ).exists()
    )


class BriefingPermissionTester(PagePermissionTester):
    """Nobody publishes a briefing directly under the second-approval workflow.

    Wagtail lets anyone with publish permission bypass a workflow; for decision
    briefings only the workflow's approval (by a second person) publishes.
    """

    def can_publish(self):
        if self.page.id and needs_second_approval(self.page):
            return False
        return super().can_publish()


class SecondPersonApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, but never by the person who submitted.

    Wagtail lets a member of the approving groups approve their own
    submission; a decision briefing needs a second pair of eyes.
    """

    def get_actions(self, obj, user):
        if _submitted_by(user, obj=obj):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and _submitted_by(user, task_state=task_state):
            raise PermissionDenied(
                _("A second person must approve what you submitted.")
            )
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if not states.exists():
            return states
        return states.exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve, but never the person who "
            "submitted the page."
        )

    class Meta:
        verbose_name = _("second-person approval")
        verbose_name_plural = _("second-person approvals")


__all__ = [
    "APPROVERS_GROUP_NAME",
    "BriefingPermissionTester",
    "needs_second_approval",
    "SECOND_APPROVAL_TASK_NAME",
    "SECOND_APPROVAL_WORKFLOW_NAME",
    "SecondPersonApprovalTask",
]
