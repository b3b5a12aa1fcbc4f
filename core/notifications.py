"""Workflow mails through Wagtail's own notifiers: the approvers hear that something waits for them
(Wagtail's task notification), and the person who submitted it hears the outcome, an approval now
with the approver's comment as a rejection already has it."""

from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import workflow_approved

# Wagtail's own receiver for the approval mail registers under this id when wagtail.admin is ready;
# registered first (core comes before wagtail.admin in INSTALLED_APPS), ours takes its place.
WAGTAIL_APPROVAL_MAIL = "workflow_state_approved_email_notification"


class ApprovalWithCommentNotifier(WorkflowStateApprovalEmailNotifier):
    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        last_approval = (
            workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED)
            .order_by("-finished_at")
            .first()
        )
        context["comment"] = last_approval.specific.get_comment() if last_approval else ""
        return context


# Signals hold their receivers weakly: the notifier lives here.
approval_with_comment_notifier = ApprovalWithCommentNotifier()


def send_approval_mails_with_comment():
    workflow_approved.connect(
        approval_with_comment_notifier, sender=WorkflowState, dispatch_uid=WAGTAIL_APPROVAL_MAIL
    )
