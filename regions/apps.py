from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = _("Regio's")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import notifications
        from .models import School, SchoolSubmission
        from .permissions import RegionalModelPermissionPolicy, SchoolPermissionPolicy

        register_permission_policy(School, SchoolPermissionPolicy(School))
        register_permission_policy(SchoolSubmission, RegionalModelPermissionPolicy(SchoolSubmission))
        notifications.connect()
