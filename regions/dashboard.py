"""The coordinator's panel on the admin's dashboard: for each region they coordinate, the pages
waiting (in a workflow or with unpublished changes), this year's annual plan, the next
steering-group meeting, the caseload, what the schools submitted for review and what is due. A
fixed number of queries, however many regions and pages."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, WorkflowState

from .caseload import Caseload, caseload_for
from .cycle import Cycle, cycles, next_meetings
from .models import AnnualPlanStatus, RegionPage, School, SchoolSubmission, annual_plan_statuses
from .models.reference import STEERING_GROUP_KIND

WAITING_PAGES_SHOWN = 10


@dataclass(frozen=True)
class RegionAtAGlance:
    region_page: RegionPage
    waiting_pages: list
    waiting_count: int
    plan_status: AnnualPlanStatus
    plan_year: int
    next_steering_group: tuple | None  # (start, page)
    caseload: Caseload
    cycle: Cycle
    pending_submissions: int

    @property
    def due(self):
        cycle = self.cycle
        return bool(cycle.due_quarter or cycle.progress_overdue or cycle.directors_meeting_overdue)


def waiting_pages(region_pages):
    """The pages in and under `region_pages` that are in a workflow or have unpublished changes,
    the most recently edited first; each with `workflow_status` and `workflow_task` (the name of
    the task it waits in) when in a workflow."""
    in_workflow = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )
    under = Q(pk__in=[])
    for region_page in region_pages:
        under |= Q(path__startswith=region_page.path)
    return (
        Page.objects.filter(under)
        .filter(Q(has_unpublished_changes=True) | Exists(in_workflow))
        .annotate(
            workflow_status=Subquery(in_workflow.values("status")[:1]),
            workflow_task=Subquery(in_workflow.values("current_task_state__task__name")[:1]),
        )
        .order_by("-latest_revision_created_at", "-pk")
    )


def counts_per_region(rows, region_field, region_ids):
    """How many of `rows` each region of `region_ids` has, by the rows' `region_field`; one query."""
    counted = (
        rows.filter(**{f"{region_field}__in": region_ids})
        .values(region_field)
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row[region_field]: row["count"] for row in counted}


def regions_at_a_glance(regions):
    """A RegionAtAGlance for each of `regions`, in their order."""
    region_ids = [region.pk for region in regions]
    region_pages = list(RegionPage.objects.filter(region__in=region_ids).select_related("region"))
    default_locale = Locale.get_default()
    main_pages = {page.region_id: page for page in region_pages if page.locale_id == default_locale.pk}
    plan_statuses = annual_plan_statuses(list(main_pages.values()))
    waiting = {region_id: [] for region_id in region_ids}
    for page in waiting_pages(region_pages):
        owner = next(rp for rp in region_pages if page.path.startswith(rp.path))
        waiting[owner.region_id].append(page)
    meetings = next_meetings(STEERING_GROUP_KIND, region_ids)
    schools = counts_per_region(School.objects.active(), "municipality__region", region_ids)
    region_cycles = cycles(region_ids)
    submissions = counts_per_region(SchoolSubmission.objects.pending(), "region", region_ids)
    year = timezone.localdate().year
    return [
        RegionAtAGlance(
            region_page=main_pages[region.pk],
            waiting_pages=waiting[region.pk][:WAITING_PAGES_SHOWN],
            waiting_count=len(waiting[region.pk]),
            plan_status=plan_statuses[main_pages[region.pk].pk],
            plan_year=year,
            next_steering_group=meetings.get(region.pk),
            caseload=caseload_for(schools.get(region.pk, 0)),
            cycle=region_cycles[region.pk],
            pending_submissions=submissions.get(region.pk, 0),
        )
        for region in regions
        if region.pk in main_pages
    ]


class CoordinatorPanel(Component):
    name = "coordinator_regions"
    template_name = "regions/dashboard/coordinator_panel.html"
    order = 50  # before Wagtail's own panels

    def __init__(self, regions):
        self.regions = regions

    def get_context_data(self, parent_context):
        return {"regions": regions_at_a_glance(self.regions), "request": parent_context["request"]}
