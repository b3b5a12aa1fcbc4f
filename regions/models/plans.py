"""The annual plan (jaarplan): one per region per year, with goals tied to the regional plans,
actions that answer the bottlenecks, approval by the steering group through a Wagtail workflow,
and a progress report per quarter (regions.models.progress) below it."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page, TaskState, WorkflowPage, WorkflowState
from wagtail.search import index

from core.preview import FrontEndPreviewMixin
from core.taxonomy import Taxonomy
from regions.forms import AnnualPlanPageForm, RegionScopedInlinePanel
from regions.permissions import AnnualPlanPermissionTester
from regions.serializers import RegionSerializer
from themes.serializers import ThemeSerializer

from .regional import RegionalPageMixin


class ActionStatus(models.TextChoices):
    PLANNED = "gepland", _("Gepland")
    IN_PROGRESS = "bezig", _("Bezig")
    DONE = "afgerond", _("Afgerond")
    STOPPED = "gestopt", _("Gestopt")


class AnnualPlanPage(FrontEndPreviewMixin, RegionalPageMixin, Page):
    """A region's plan for one year. Coordinators submit it to the region's steering group,
    whose approval (a Wagtail workflow task) publishes it."""

    taxonomy = Taxonomy("annual-plan", regions="region", region_from_parent=True)

    year = models.PositiveSmallIntegerField(_("jaar"))
    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("year"),
        FieldPanel("intro"),
        RegionScopedInlinePanel("goals", heading=_("Doelen"), label=_("Doel")),
        RegionScopedInlinePanel("actions", heading=_("Acties"), label=_("Actie")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("search_text"),
        index.FilterField("year"),
        *RegionalPageMixin.region_search_fields,
    ]
    api_fields = [
        APIField("region", serializer=RegionSerializer()),
        APIField("year"),
        APIField("intro"),
        APIField("goals"),
        APIField("actions"),
        APIField("progress_reports"),
    ]

    base_form_class = AnnualPlanPageForm
    parent_page_types = ["regions.RegionPage"]
    subpage_types = ["regions.ProgressReportPage"]

    class Meta:
        verbose_name = _("jaarplan")
        verbose_name_plural = _("jaarplannen")

    def clean(self):
        super().clean()
        if self.path and self.year:
            check_year_is_free(self.get_parent(), self.year, self)

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        attach_steering_group_workflow(self)
        return result

    def permissions_for_user(self, user):
        return AnnualPlanPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            goals=self.goals.select_related("regional_plan"),
            actions=self.actions.prefetch_related("themes", "bottlenecks"),
            quarters=self.quarters(),
            approval=self.approval() if self.live else None,
        )
        return context

    def search_text(self):
        parts = [f"{goal.title} {goal.description}" for goal in self.goals.all()]
        parts += [action.search_text() for action in self.actions.all()]
        return "\n".join(parts)

    def published_reports(self):
        """The published progress reports, by quarter and meeting date."""
        from .progress import ProgressReportPage

        reports = ProgressReportPage.objects.child_of(self).live().public()
        return reports.prefetch_related("action_lines").order_by("quarter", "meeting_date", "pk")

    @property
    def progress_reports(self):
        """The published progress reports, for the API."""
        return [
            {
                "id": report.pk,
                "title": report.title,
                "quarter": report.quarter,
                "meeting_date": report.meeting_date,
            }
            for report in self.published_reports()
        ]

    def quarters(self):
        """The plan year's four quarters, each with its published reports and whether it has
        ended: [{"quarter", "label", "reports", "ended"}]."""
        from .progress import quarter_of

        current = quarter_of(timezone.localdate())
        reports = list(self.published_reports())
        quarters = []
        for quarter, label in Quarter.choices:
            ended = (self.year, quarter) < current
            own = [report for report in reports if report.quarter == quarter]
            quarters.append({"quarter": quarter, "label": label, "reports": own, "ended": ended})
        return quarters

    def approval(self):
        """Who approved the published version on behalf of the steering group, and when."""
        return approvals_for([self.pk]).get(self.pk)


def check_year_is_free(region_page, year, page=None):
    others = AnnualPlanPage.objects.child_of(region_page).filter(year=year)
    if page is not None and page.pk:
        others = others.exclude(pk=page.pk)
    if others.exists():
        raise ValidationError({"year": _("Deze regio heeft al een jaarplan voor %(year)s.") % {"year": year}})


def attach_steering_group_workflow(plan):
    """Put the plan under its region's steering-group workflow (made by setup_roles)."""
    from .roles import RegionRoles

    if WorkflowPage.objects.filter(page=plan).exists():
        return
    roles = RegionRoles.objects.filter(region=plan.region_id)
    workflow = roles.values_list("annual_plan_workflow", flat=True).first()
    if workflow is not None:
        WorkflowPage.objects.create(page=plan, workflow_id=workflow)


class AnnualPlanGoal(Orderable):
    page = ParentalKey(AnnualPlanPage, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("doel"), max_length=255)
    description = models.TextField(_("toelichting"), blank=True)
    regional_plan = models.ForeignKey(
        "regions.RegionalPlan",
        verbose_name=_("regionaal plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goals",
        help_text=_("Het plan uit de arbeidsmarktregio-foto waar dit doel aan bijdraagt."),
    )

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("regional_plan")]
    api_fields = [APIField("title"), APIField("description"), APIField("regional_plan_title")]

    class Meta(Orderable.Meta):
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self):
        return self.title

    @property
    def regional_plan_title(self):
        return self.regional_plan.title if self.regional_plan else None


class AnnualPlanAction(ClusterableModel, Orderable):
    """An action of the plan; clusterable so that its themes and bottlenecks travel with the
    page's revisions."""

    page = ParentalKey(AnnualPlanPage, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("actie"), max_length=255)
    description = models.TextField(_("omschrijving"), blank=True)
    themes = ParentalManyToManyField("themes.Theme", verbose_name=_("thema's"), related_name="actions")
    owner = models.CharField(_("eigenaar"), max_length=200, blank=True)
    due_date = models.DateField(_("gereed op"), null=True, blank=True)
    status = models.CharField(
        _("stand"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    progress_note = models.TextField(
        _("toelichting bij de stand"),
        blank=True,
        help_text=_("Een nieuw voortgangsverslag neemt de stand en deze toelichting over."),
    )
    bottlenecks = ParentalManyToManyField(
        "regions.Bottleneck",
        verbose_name=_("knelpunten"),
        blank=True,
        related_name="actions",
        help_text=_("De knelpunten en ontwikkelpunten uit de arbeidsmarktregio-foto die deze actie aanpakt."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("themes"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("due_date"), FieldPanel("status")]),
        FieldPanel("progress_note"),
        FieldPanel("bottlenecks"),
    ]
    api_fields = [
        APIField("title"),
        APIField("description"),
        APIField("themes", serializer=ThemeSerializer(many=True)),
        APIField("owner"),
        APIField("due_date"),
        APIField("status"),
        APIField("progress_note"),
        APIField("bottleneck_ids"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self):
        return self.title

    @property
    def bottleneck_ids(self):
        return [bottleneck.pk for bottleneck in self.bottlenecks.all()]

    def search_text(self):
        themes = " ".join(theme.title for theme in self.themes.all())
        return " ".join([self.title, self.description, self.owner, self.progress_note, themes])


class Quarter(models.IntegerChoices):
    Q1 = 1, _("1e kwartaal")
    Q2 = 2, _("2e kwartaal")
    Q3 = 3, _("3e kwartaal")
    Q4 = 4, _("4e kwartaal")


# The status per region for the national overview


@dataclass(frozen=True)
class AnnualPlanStatus:
    """Where a region's annual plan for a year stands.

    `code` is one of: "geen" (no plan), "concept" (draft, not submitted), "ter-goedkeuring"
    (with the steering group), "aanpassen" (sent back for changes), "goedgekeurd" (approved by
    the steering group; `approved_by` and `approved_at` tell who and when), "gepubliceerd"
    (published without a steering-group approval, e.g. by the national editors).
    `plan` may be a draft: link to it only when `plan.live`.
    """

    code: str
    label: str
    plan: "AnnualPlanPage | None" = None
    approved_by: object = None
    approved_at: datetime.datetime | None = None


STATUS_LABELS = {
    "geen": _("Geen jaarplan"),
    "concept": _("Concept"),
    "ter-goedkeuring": _("Ter goedkeuring bij de stuurgroep"),
    "aanpassen": _("Aanpassen na de stuurgroep"),
    "goedgekeurd": _("Goedgekeurd door de stuurgroep"),
    "gepubliceerd": _("Gepubliceerd"),
}
WORKFLOW_CODES = {
    WorkflowState.STATUS_IN_PROGRESS: "ter-goedkeuring",
    WorkflowState.STATUS_NEEDS_CHANGES: "aanpassen",
    WorkflowState.STATUS_APPROVED: "goedgekeurd",
}


def annual_plan_statuses(region_pages, year=None):
    """The status of each region's annual plan for `year` (default: this year), as a dict
    {region page pk: AnnualPlanStatus}. Four queries, however many regions.

    For the national overview: `annual_plan_statuses(region_pages)[page.pk].label`."""
    year = year or timezone.localdate().year
    by_path = {page.path: page.pk for page in region_pages}
    plans = AnnualPlanPage.objects.filter(
        year=year, region__in={page.region_id for page in region_pages}
    ).order_by("path")
    plans = {plan.pk: plan for plan in plans if plan.path[: -Page.steplen] in by_path}
    latest_states = {}
    for state in WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in plans],
    ).order_by("created_at", "pk"):
        latest_states[int(state.object_id)] = state
    approvals = _approvals_of(
        [state for state in latest_states.values() if state.status == state.STATUS_APPROVED]
    )
    statuses = {pk: AnnualPlanStatus("geen", STATUS_LABELS["geen"]) for pk in by_path.values()}
    for plan in plans.values():
        state = latest_states.get(plan.pk)
        code = WORKFLOW_CODES.get(state.status) if state else None
        code = code or ("gepubliceerd" if plan.live else "concept")
        approved_by, approved_at = approvals.get(state.pk, (None, None)) if state else (None, None)
        statuses[by_path[plan.path[: -Page.steplen]]] = AnnualPlanStatus(
            code, STATUS_LABELS[code], plan, approved_by, approved_at
        )
    return statuses


def annual_plan_status(region_page, year=None):
    """The AnnualPlanStatus of one region's plan for `year` (default: this year)."""
    return annual_plan_statuses([region_page], year)[region_page.pk]


def approvals_for(plan_pks):
    """{plan pk: (approved_by, approved_at)} from each plan's last approved workflow."""
    states = {}
    for state in WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in plan_pks],
        status=WorkflowState.STATUS_APPROVED,
    ).order_by("created_at", "pk"):
        states[int(state.object_id)] = state
    approvals = _approvals_of(states.values())
    return {pk: approvals[state.pk] for pk, state in states.items() if state.pk in approvals}


def _approvals_of(workflow_states):
    """{workflow state pk: (user, time)} of the last approved task in each workflow."""
    approvals = {}
    task_states = (
        TaskState.objects.filter(workflow_state__in=list(workflow_states), status=TaskState.STATUS_APPROVED)
        .select_related("finished_by")
        .order_by("finished_at", "pk")
    )
    for task_state in task_states:
        approvals[task_state.workflow_state_id] = (task_state.finished_by, task_state.finished_at)
    return approvals
