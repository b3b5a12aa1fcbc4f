from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from core.listings import listings
from core.models import BasePage, SectionIndexPage, page_types_naming_parent
from core.preview import FrontEndPreviewMixin
from core.taxonomy import Taxonomy
from regions.serializers import MunicipalitySerializer, RegionSerializer

from .reference import Municipality, Region, SchoolType
from .schools import School

COORDINATOR_PHOTO_FILTER = "fill-120x120"  # as in site/templates/regions/includes/


class RegionIndexPage(FrontEndPreviewMixin, RoutablePageMixin, SectionIndexPage):
    """The list and map of the regions, with the national overview at overzicht/ (and as CSV at
    overzicht/csv/)."""

    subpage_types = ["regions.RegionPage"]

    class Meta:
        verbose_name = _("regio-overzicht")

    def items(self, request):
        return (
            RegionPage.objects.child_of(self)
            .live()
            .public()
            .select_related("region")
            .order_by("region__name")
        )

    def get_context(self, request, *args, **kwargs):
        from regions.views import index_map

        context = super().get_context(request, *args, **kwargs)
        context["region_map"] = index_map(request, context["items"])
        context["overview_url"] = self.get_url(request) + self.reverse_subpage("overview")
        return context

    @path("overzicht/", name="overview")
    def overview(self, request):
        from regions.views import overview

        return overview(request, self)

    @path("overzicht/csv/", name="overview_csv")
    def overview_csv(self, request):
        from regions.views import overview_csv

        return overview_csv(request, self)


class RegionPage(BasePage):
    """The public page of one region; the root of everything its coordinator maintains."""

    taxonomy = Taxonomy("region", regions="region")

    region = models.ForeignKey(
        Region, verbose_name=_("arbeidsmarktregio"), on_delete=models.PROTECT, related_name="pages"
    )
    centre_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("centrumgemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        # Only national editors may tie the page to another region.
        FieldPanel("region", permission="regions.change_region"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("centre_municipality"),
                InlinePanel("coordinators", label=_("Netwerkcoördinator")),
                InlinePanel("steering_group_members", label=_("Stuurgroeplid")),
            ],
            heading=_("Mensen"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.RelatedFields("region", [index.SearchField("name"), index.FilterField("code")]),
        index.FilterField("region"),
    ]
    api_fields = [
        APIField("region", serializer=RegionSerializer()),
        *BasePage.api_fields,
        APIField("centre_municipality", serializer=MunicipalitySerializer(allow_null=True)),
        APIField("coordinators"),
        APIField("steering_group_members"),
    ]

    parent_page_types = ["regions.RegionIndexPage"]

    class Meta:
        verbose_name = _("regiopagina")

    @classmethod
    def clean_subpage_models(cls):
        """Regional news, articles and events (of the knowledge app), the photo and the annual
        plan: every page type that names the region page as its parent."""
        return page_types_naming_parent(cls)

    def clean(self):
        super().clean()
        # A translation is a second page for the same region, so uniqueness is per locale.
        others = RegionPage.objects.filter(region=self.region_id, locale=self.locale_id).exclude(pk=self.pk)
        if self.region_id and others.exists():
            raise ValidationError({"region": _("Deze regio heeft in deze taal al een pagina.")})
        centre = self.centre_municipality
        if centre is not None and self.region_id and centre.region_id != self.region_id:
            raise ValidationError({"centre_municipality": _("De centrumgemeente moet in deze regio liggen.")})

    def permissions_for_user(self, user):
        from regions.permissions import RegionPagePermissionTester

        return RegionPagePermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["municipalities"] = self.region.municipalities.all()
        context["listings"] = listings(lambda model, pages: pages.descendant_of(self))
        context.update(self.people_and_schools())
        context.update(self.photo_and_plan(request))
        return context

    def photo_and_plan(self, request=None):
        """The region's two core documents, its published regional photo (with its knelpunten and
        ontwikkelpunten) and this year's annual plan (its status, linked once published), and
        where its yearly cycle stands."""
        from regions.cycle import cycles
        from regions.models.photo import RegionalPhotoPage
        from regions.models.plans import annual_plan_status

        photo = (
            RegionalPhotoPage.objects.child_of(self).live().public().order_by("-last_reviewed", "-pk").first()
        )
        plan_status = annual_plan_status(self)
        plan = plan_status.plan
        return {
            "photo": photo,
            "bottlenecks": photo.bottlenecks.all() if photo else [],
            "plan_status": plan_status,
            "plan_year": plan.year if plan is not None else timezone.localdate().year,
            "plan_url": plan.get_url(request) if plan is not None and plan.live else None,
            "cycle": cycles([self.region_id])[self.region_id],
        }

    def people_and_schools(self):
        """Coordinators, steering group, centrumgemeente, the active schools of the region by type
        and the caseload they make; a fixed number of queries, however many schools."""
        from regions.caseload import caseload_for

        schools = list(School.objects.active().in_region(self.region_id).order_by("name"))
        return {
            "coordinators": self.coordinators.prefetch_related(
                Prefetch(
                    "photo", queryset=get_image_model().objects.prefetch_renditions(COORDINATOR_PHOTO_FILTER)
                )
            ),
            "steering_group_members": self.steering_group_members.all(),
            "centre_municipality": self.centre_municipality,
            "schools_by_type": [
                (label, [school for school in schools if school.school_type == value])
                for value, label in SchoolType.choices
            ],
            "caseload": caseload_for(len(schools)),
        }
