from django.apps import apps
from django.urls import path
from wagtail import hooks

from .workflow_actions import confirm_workflow_action_in_editor

hooks.register("after_edit_page", confirm_workflow_action_in_editor)

if apps.is_installed("axes"):
    from axes.models import AccessAttempt
    from wagtail.permissions import register_permission_policy

    from .viewsets import LockoutPermissionPolicy, LockoutViewSet

    register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))

    @hooks.register("register_admin_viewset")
    def register_lockout_viewset():
        return LockoutViewSet("lockouts")


if apps.is_installed("wagtail_2fa"):
    from .two_factor import CodeView

    # Before wagtail-2fa's own view at the same address and name (core.two_factor.TokenForm).
    @hooks.register("register_admin_urls", order=-1)
    def register_code_view():
        return [path("2fa/auth", CodeView.as_view(), name="wagtail_2fa_auth")]
