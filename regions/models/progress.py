"""The quarterly progress report: a small page under an annual plan that the region's coordinator
publishes on their own, after the steering group discussed it. The plan itself stays as the
steering group approved it; the steering group hears of every new report by e-mail
(regions.notifications)."""

from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.preview import FrontEndPreviewMixin
from core.taxonomy import Taxonomy
from regions.forms import ProgressReportPageForm
from regions.serializers import RegionSerializer

from .plans import ActionStatus, Quarter
from .regional import RegionalPageMixin


def quarter_of(date):
    """(year, quarter) of a date."""
    return date.year, (date.month - 1) // 3 + 1


def previous_quarter(date):
    """(year, quarter) of the last quarter that ended before `date`."""
    year, quarter = quarter_of(date)
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


class ProgressReportPage(FrontEndPreviewMixin, RegionalPageMixin, Page):
    """The progress of one quarter of the plan above it: a short report and the status of every
    action, as discussed with the steering group on `meeting_date`."""

    taxonomy = Taxonomy("progress-report", regions="region", date="meeting_date", region_from_parent=True)

    quarter = models.PositiveSmallIntegerField(_("kwartaal"), choices=Quarter.choices)
    meeting_date = models.DateField(
        _("besproken in de stuurgroep op"),
        default=timezone.localdate,
        help_text=_("De datum van de stuurgroepvergadering waarin deze voortgang is besproken."),
    )
    note = models.TextField(_("verslag"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("quarter"), FieldPanel("meeting_date")]),
        FieldPanel("note"),
        InlinePanel(
            "action_lines",
            heading=_("Stand van de acties"),
            label=_("Actie"),
            help_text=_("Bij een nieuw verslag staan hier de acties van het jaarplan met hun huidige stand."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("note"),
        index.FilterField("quarter"),
        index.FilterField("meeting_date"),
        *RegionalPageMixin.region_search_fields,
    ]
    api_fields = [
        APIField("region", serializer=RegionSerializer()),
        APIField("year"),
        APIField("quarter"),
        APIField("meeting_date"),
        APIField("note"),
        APIField("action_lines"),
    ]

    base_form_class = ProgressReportPageForm
    parent_page_types = ["regions.AnnualPlanPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("voortgangsverslag")
        verbose_name_plural = _("voortgangsverslagen")

    # Published by the coordinator: the plan's steering-group workflow does not reach down here.
    @property
    def has_workflow(self):
        return False

    def get_workflow(self):
        return None

    @property
    def year(self):
        """The year of the plan the report belongs to."""
        parent = self.get_parent()
        return parent.specific.year if parent is not None else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["plan"] = self.get_parent().specific
        return context

    @classmethod
    def prefilled_for(cls, plan):
        """A new report for `plan`: the current quarter of the plan's year, each action with its
        status in the plan."""
        today = timezone.localdate()
        year, quarter = quarter_of(today) if today.year == plan.year else (plan.year, 4)
        return cls(
            title=_("Voortgang Q%(quarter)s %(year)s") % {"quarter": quarter, "year": year},
            quarter=quarter,
            action_lines=[
                ActionProgress(action=action.title, status=action.status, note=action.progress_note)
                for action in plan.actions.all()
            ],
        )


def live_reports_of_live_plans():
    """Published reports whose annual plan is published too, each with its plan's `plan_year`."""
    from .plans import AnnualPlanPage

    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    live_plan = AnnualPlanPage.objects.live().filter(path=parent_path)
    return (
        ProgressReportPage.objects.live()
        .annotate(plan_year=Subquery(live_plan.values("year")[:1]))
        .filter(plan_year__isnull=False)
    )


class ActionProgress(Orderable):
    """The status of one action of the plan in a report. The action is named, not linked, so the
    report keeps saying what was reported when the plan changes later."""

    page = ParentalKey(ProgressReportPage, on_delete=models.CASCADE, related_name="action_lines")
    action = models.CharField(_("actie"), max_length=255)
    status = models.CharField(
        _("stand"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    note = models.TextField(_("toelichting"), blank=True)

    panels = [FieldRowPanel([FieldPanel("action"), FieldPanel("status")]), FieldPanel("note")]
    api_fields = [APIField("action"), APIField("status"), APIField("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("stand van een actie")
        verbose_name_plural = _("stand van de acties")

    def __str__(self):
        return self.action
