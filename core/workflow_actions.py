"""Approving or rejecting says what happened, from the dashboard's "waiting for your review" list
and from the page editor (where the workflow mail's link leads): Wagtail's views perform the action
and return without a word on its outcome, and the editor then sends a reviewer to the parent page's
listing, which a steering group, say, may not see."""

from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

OUTCOMES = {
    TaskState.STATUS_APPROVED: (messages.success, _("'%(title)s' is goedgekeurd.")),
    TaskState.STATUS_REJECTED: (
        messages.warning,
        _("'%(title)s' is teruggestuurd met het verzoek om aanpassingen."),
    ),
}


def confirm_outcome(request, task_state, page):
    outcome = OUTCOMES.get(task_state.status) if task_state is not None else None
    if outcome is not None:
        confirm, text = outcome
        confirm(request, text % {"title": page.get_admin_display_title()})


class ConfirmingWorkflowActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        confirm_outcome(request, self.task_state, self.object)
        return response


def confirm_workflow_action_in_editor(request, page):
    """after_edit_page: after an approval or rejection in the page editor, say what happened, and
    go to the dashboard instead of the parent page's listing when the reviewer may not see it."""
    if not request.POST.get("action-workflow-action"):
        return None
    task_state = (
        TaskState.objects.filter(
            workflow_state__in=WorkflowState.objects.for_instance(page), finished_by=request.user
        )
        .order_by("-finished_at", "-pk")
        .first()
    )
    confirm_outcome(request, task_state, page)
    if request.GET.get("next"):
        return None  # Wagtail's editor follows it
    explorable = PagePermissionPolicy().explorable_instances(request.user)
    if explorable.filter(pk=page.get_parent().pk).exists():
        return None
    return redirect("wagtailadmin_home")
