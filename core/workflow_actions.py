"""Approving or rejecting from the dashboard's "waiting for your review" list: Wagtail's view
performs the action and returns to the dashboard without a word; this one says what happened."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import TaskState

OUTCOMES = {
    TaskState.STATUS_APPROVED: (messages.success, _("'%(title)s' is goedgekeurd.")),
    TaskState.STATUS_REJECTED: (
        messages.warning,
        _("'%(title)s' is teruggestuurd met het verzoek om aanpassingen."),
    ),
}


class ConfirmingWorkflowActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        outcome = OUTCOMES.get(self.task_state.status)
        if outcome is not None:
            confirm, text = outcome
            confirm(request, text % {"title": self.object.get_admin_display_title()})
        return response
