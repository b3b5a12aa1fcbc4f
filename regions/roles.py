"""Groups, page and collection permissions and workflows per region (`manage.py setup_roles`).

- "Landelijke redactie": add, change, publish, delete and lock everywhere; every image and
  document; approves what coordinators submit to the Kennisbank.
- "Coördinator <regio>": add, change, publish and lock within the region's own pages; images
  and documents in the region's own collection; may add (not publish) Kennisbank articles, which
  go to the national editors through the workflow "Kennisbank".
- "Stuurgroep <regio>": approves the region's annual plans (workflow "Jaarplan <regio>").
- "Netwerk coördinatoren": may view the private network area (as may the national editors).

Every run brings the database to this state and changes nothing when it is there already.
"""

from collections import Counter

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

NATIONAL_EDITORS = "Landelijke redactie"
NETWORK = "Netwerk coördinatoren"
COORDINATORS = "Coördinator {region}"
STEERING_GROUP = "Stuurgroep {region}"
KNOWLEDGE_WORKFLOW = "Kennisbank"
KNOWLEDGE_TASK = "Akkoord landelijke redactie"
ANNUAL_PLAN_WORKFLOW = "Jaarplan {region}"
ANNUAL_PLAN_TASK = "Akkoord stuurgroep {region}"
REGION_COLLECTION = "Regio {region}"

NATIONAL_PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
COORDINATOR_PAGE_ACTIONS = ["add", "change", "publish", "lock"]
MEDIA_ACTIONS = [
    f"{action}_{model}"
    for model in ("image", "document")
    for action in ("add", "change", "delete", "choose")
]
MEDIA_APPS = {"image": "wagtailimages", "document": "wagtaildocs"}
# Model permissions of the national editors: the project's own content and reference data.
NATIONAL_MODEL_APPS = ["knowledge", "regions", "themes"]
# The coordinator's rights on schools are limited to their own region by the schools admin.
COORDINATOR_MODEL_PERMISSIONS = ["regions.change_school"]


class RoleSetup:
    def __init__(self):
        self.counts = Counter()

    def run(self):
        national = self.group(NATIONAL_EDITORS)
        network = self.group(NETWORK)
        self.model_permissions(national, ["wagtailadmin.access_admin", *self.app_permissions()])
        root_page = Page.get_first_root_node()
        for action in NATIONAL_PAGE_ACTIONS:
            self.page_permission(national, root_page, action)
        root_collection = Collection.get_first_root_node()
        for codename in MEDIA_ACTIONS:
            self.collection_permission(national, root_collection, codename)

        knowledge_indexes = list(self.pages("knowledge.KnowledgeIndexPage"))
        self.attach(self.workflow(KNOWLEDGE_WORKFLOW, KNOWLEDGE_TASK, national), knowledge_indexes)
        for region in self.regions():
            self.region(region, knowledge_indexes)
        self.network_restriction([network, national])
        return self.counts

    # Per region

    def region(self, region, knowledge_indexes):
        from regions.models import AnnualPlanPage, RegionPage, RegionRoles

        names = {"region": region.name}
        roles = RegionRoles.objects.filter(region=region).first()
        coordinators = roles.coordinators if roles else self.group(COORDINATORS.format(**names))
        steering = roles.steering_group if roles else self.group(STEERING_GROUP.format(**names))
        collection = (
            roles.collection if roles else self.collection(REGION_COLLECTION.format(**names))
        )
        workflow = roles.annual_plan_workflow if roles else self.workflow(
            ANNUAL_PLAN_WORKFLOW.format(**names), ANNUAL_PLAN_TASK.format(**names), steering
        )
        if roles is None:
            RegionRoles.objects.create(
                region=region, coordinators=coordinators, steering_group=steering,
                collection=collection, annual_plan_workflow=workflow,
            )
            self.counts["rollen per regio"] += 1

        self.model_permissions(
            coordinators, ["wagtailadmin.access_admin", *COORDINATOR_MODEL_PERMISSIONS]
        )
        self.model_permissions(steering, ["wagtailadmin.access_admin"])
        for page in RegionPage.objects.filter(region=region):
            for action in COORDINATOR_PAGE_ACTIONS:
                self.page_permission(coordinators, page, action)
        for page in knowledge_indexes:
            self.page_permission(coordinators, page, "add")
        for codename in MEDIA_ACTIONS:
            self.collection_permission(coordinators, collection, codename)
        self.attach(workflow, AnnualPlanPage.objects.filter(region=region))

    # Building blocks, each idempotent

    def group(self, name):
        group, created = Group.objects.get_or_create(name=name)
        self.counts["groepen"] += created
        return group

    def model_permissions(self, group, labels):
        wanted = Q(pk__in=[])
        for label in labels:
            app_label, codename = label.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        missing = Permission.objects.filter(wanted).exclude(group=group)
        added = list(missing)
        group.permissions.add(*added)
        self.counts["modelrechten"] += len(added)

    @staticmethod
    def app_permissions():
        permissions = Permission.objects.filter(content_type__app_label__in=NATIONAL_MODEL_APPS)
        return [
            f"{app_label}.{codename}"
            for app_label, codename in permissions.values_list(
                "content_type__app_label", "codename"
            )
        ]

    def page_permission(self, group, page, action):
        permission = Permission.objects.get(
            content_type=ContentType.objects.get_for_model(Page), codename=f"{action}_page"
        )
        _, created = GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )
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

    def network_restriction(self, groups):
        """The network area: from 'signed-in users' to the network group and national editors."""
        for page in self.pages("knowledge.NetworkPage"):
            if page.get_parent().specific_class.__name__ == "NetworkPage":
                continue
            restriction = PageViewRestriction.objects.filter(page=page).first()
            if restriction is None:
                restriction = PageViewRestriction(page=page)
            if restriction.restriction_type != PageViewRestriction.GROUPS:
                restriction.restriction_type = PageViewRestriction.GROUPS
                restriction.save()
                self.counts["afgeschermde pagina's"] += 1
            missing = [group for group in groups if group not in restriction.groups.all()]
            restriction.groups.add(*missing)

    @staticmethod
    def pages(label):
        app_label, model = label.split(".")
        return Page.objects.filter(
            content_type__app_label=app_label, content_type__model=model.lower()
        ).specific()

    @staticmethod
    def regions():
        from regions.models import Region

        return Region.objects.order_by("code")
