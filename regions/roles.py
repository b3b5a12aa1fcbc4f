"""Groups, page and collection permissions and workflows per region (`manage.py setup_roles`).

- "Landelijke redactie": add, change, publish, delete and lock everywhere; every image and
  document; every model permission of the project's own apps (SiteSettings included); lifting
  login lockouts.
- "Coördinator <regio>": add, change, publish and lock within the region's own pages (progress
  reports under the region's annual plans included); images and documents in the region's own
  collection; reviewing what the schools of the region submit (Inzendingen van scholen, limited to
  the region by `regions.permissions.RegionalModelPermissionPolicy`).
- "Stuurgroep <regio>": approves the region's annual plans (workflow "Jaarplan <regio>").
- "Netwerk coördinatoren": the coordinators' network.
- "Schoolcontactpersonen": school contacts; no admin access and no page rights: they sign in on the
  site and submit knelpunten and ontwikkelpunten for the schools their account is tied to
  (`regions.models.SchoolContact`).
- "Beheer netwerk": invites, changes and deactivates the accounts of coordinators,
  steering-group members and school contacts (Accounts per regio, `regions.account_admin`); the
  national editors hold the same rights through the regions app's model permissions.

Apps above regions add their part through the `SETUP_ROLES` hook (`regions.hooks`), such as the
knowledge app's Kennisbank workflow and private network area.

Every run brings the database to this state and changes nothing when it is there already.
"""

from collections import Counter

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from core.accounts import LIFT_LOCKOUT_PERMISSIONS

from .hooks import SETUP_ROLES

NATIONAL_EDITORS = "Landelijke redactie"
NETWORK = "Netwerk coördinatoren"
NETWORK_MANAGERS = "Beheer netwerk"
SCHOOL_CONTACTS = "Schoolcontactpersonen"
COORDINATORS = "Coördinator {region}"
STEERING_GROUP = "Stuurgroep {region}"
ANNUAL_PLAN_WORKFLOW = "Jaarplan {region}"
ANNUAL_PLAN_TASK = "Akkoord stuurgroep {region}"
REGION_COLLECTION = "Regio {region}"

NATIONAL_PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
COORDINATOR_PAGE_ACTIONS = ["add", "change", "publish", "lock"]
MEDIA_ACTIONS = [
    f"{action}_{model}" for model in ("image", "document") for action in ("add", "change", "delete", "choose")
]
MEDIA_APPS = {"image": "wagtailimages", "document": "wagtaildocs"}
# Model permissions of the national editors: the project's own content, reference data and
# settings. Regions names only itself and the apps below it; an app above, which regions may not
# name, adds its own through SETUP_ROLES.
NATIONAL_MODEL_APPS = ["core", "themes", "regions"]
ACCOUNT_PERMISSIONS = ["regions.add_regionalaccount", "regions.change_regionalaccount"]
# The coordinator's rights on schools and on the schools' submissions are limited to their own
# region by the admin's permission policies.
COORDINATOR_MODEL_PERMISSIONS = [
    "regions.change_school",
    "regions.view_schoolsubmission",
    "regions.change_schoolsubmission",
]


class RoleSetup:
    def __init__(self):
        self.counts = Counter()

    def run(self):
        national = self.group(NATIONAL_EDITORS)
        self.group(NETWORK)
        self.group(SCHOOL_CONTACTS)
        managers = self.group(NETWORK_MANAGERS)
        self.model_permissions(managers, ["wagtailadmin.access_admin", *ACCOUNT_PERMISSIONS])
        self.model_permissions(national, ["wagtailadmin.access_admin", *LIFT_LOCKOUT_PERMISSIONS])
        self.app_permissions(national, NATIONAL_MODEL_APPS)
        root_page = Page.get_first_root_node()
        for action in NATIONAL_PAGE_ACTIONS:
            self.page_permission(national, root_page, action)
        root_collection = Collection.get_first_root_node()
        for codename in MEDIA_ACTIONS:
            self.collection_permission(national, root_collection, codename)

        region_roles = [self.region(region) for region in self.regions()]
        for setup_app_roles in hooks.get_hooks(SETUP_ROLES):
            setup_app_roles(self, region_roles)
        return self.counts

    # Per region

    def region(self, region):
        """The region's groups, collection and workflow and their rights; its `RegionRoles`."""
        from regions.models import AnnualPlanPage, RegionPage, RegionRoles

        names = {"region": region.name}
        roles = RegionRoles.objects.filter(region=region).first()
        coordinators = roles.coordinators if roles else self.group(COORDINATORS.format(**names))
        steering = roles.steering_group if roles else self.group(STEERING_GROUP.format(**names))
        collection = roles.collection if roles else self.collection(REGION_COLLECTION.format(**names))
        workflow = (
            roles.annual_plan_workflow
            if roles
            else self.workflow(
                ANNUAL_PLAN_WORKFLOW.format(**names), ANNUAL_PLAN_TASK.format(**names), steering
            )
        )
        if roles is None:
            roles = RegionRoles.objects.create(
                region=region,
                coordinators=coordinators,
                steering_group=steering,
                collection=collection,
                annual_plan_workflow=workflow,
            )
            self.counts["rollen per regio"] += 1

        self.model_permissions(coordinators, ["wagtailadmin.access_admin", *COORDINATOR_MODEL_PERMISSIONS])
        self.model_permissions(steering, ["wagtailadmin.access_admin"])
        for page in RegionPage.objects.filter(region=region):
            for action in COORDINATOR_PAGE_ACTIONS:
                self.page_permission(coordinators, page, action)
        for codename in MEDIA_ACTIONS:
            self.collection_permission(coordinators, collection, codename)
        self.attach(workflow, AnnualPlanPage.objects.filter(region=region))
        return roles

    # Building blocks, each idempotent

    def group(self, name):
        group, created = Group.objects.get_or_create(name=name)
        self.counts["groepen"] += created
        return group

    def model_permissions(self, group, labels):
        """The permissions named by `labels` ("app_label.codename")."""
        wanted = Q(pk__in=[])
        for label in labels:
            app_label, codename = label.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        self.grant(group, Permission.objects.filter(wanted))

    def app_permissions(self, group, app_labels):
        """Every model permission of the apps `app_labels`."""
        self.grant(group, Permission.objects.filter(content_type__app_label__in=app_labels))

    def grant(self, group, permissions):
        added = list(permissions.exclude(group=group))
        group.permissions.add(*added)
        self.counts["modelrechten"] += len(added)

    def page_permission(self, group, page, action):
        permission = Permission.objects.get(
            content_type=ContentType.objects.get_for_model(Page), codename=f"{action}_page"
        )
        _, created = GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
        self.counts["paginarechten"] += created

    def collection_permission(self, group, collection, codename):
        app_label = MEDIA_APPS[codename.rsplit("_", 1)[1]]
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        _, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
        self.counts["collectierechten"] += created

    def collection(self, name):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=name).first()
        if existing is not None:
            return existing
        self.counts["collecties"] += 1
        return root.add_child(name=name)

    def workflow(self, name, task_name, approvers):
        workflow, created = Workflow.objects.get_or_create(name=name)
        self.counts["workflows"] += created
        if not workflow.workflow_tasks.exists():
            task = GroupApprovalTask.objects.filter(name=task_name).first()
            if task is None:
                task = GroupApprovalTask.objects.create(name=task_name)
                task.groups.set([approvers])
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        return workflow

    def attach(self, workflow, pages):
        for page in pages:
            if not WorkflowPage.objects.filter(page=page).exists():
                WorkflowPage.objects.create(page=page, workflow=workflow)
                self.counts["workflowkoppelingen"] += 1

    @staticmethod
    def regions():
        from regions.models import Region

        return Region.objects.order_by("code")
