"""The action Wagtail runs when a workflow is approved (setting WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail's default publishes the approved revision as the approving user and so requires that
user to hold publish rights. Here the approval itself is the authority to publish: a region's
steering group approves its annual plan without any other rights on the region's pages."""


def publish_approved_revision(workflow_state, user=None):
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
