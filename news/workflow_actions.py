"""What happens when a workflow is approved (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail imports this while it loads its models: no model imports at the top.
"""


def publish_approved(workflow_state, user=None):
    """Publish the approved revision.

    Under the second-approval workflow nobody may publish a briefing directly
    (``BriefingPermissionTester``); the approval by a second person is the
    permission, so the approved revision is published without asking again.
    Other workflows publish as Wagtail does, with the approver's permissions.
    """
    # wagtail.models imports this module while it loads: a top import is a circle.
    from .models.workflows import SecondPersonApprovalTask

    revision = workflow_state.content_object.get_latest_revision()
    second_approval = SecondPersonApprovalTask.objects.filter(
        workflow_tasks__workflow_id=workflow_state.workflow_id
    ).exists()
    revision.publish(user=user, skip_permission_checks=second_approval)
