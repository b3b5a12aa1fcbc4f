from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from core.models import SectionIndexPage
from core.preview import FrontEndPreviewMixin
from core.taxonomy import Taxonomy
from regions.models.reference import STEERING_GROUP_KIND

from ..serializers import TagNamesField
from .base import (
    REGION_API_FIELD,
    REGION_SEARCH_FIELDS,
    TOPICAL_API_FIELDS,
    TOPICAL_PANELS,
    TOPICAL_SEARCH_FIELDS,
    TopicalPage,
)
from .listings import paginate
from .tags import EventPageTag


class EventKind(models.TextChoices):
    STEERING_GROUP = STEERING_GROUP_KIND, _("Stuurgroep")
    DIRECTORS_MEETING = "directiebijeenkomst", _("Directiebijeenkomst")
    WORK_TABLE = "werktafel", _("Werktafel")
    NATIONAL_NETWORK = "landelijk-netwerk", _("Landelijk netwerk")
    OTHER = "overig", _("Overig")


class EventIndexPage(FrontEndPreviewMixin, SectionIndexPage):
    """The Agenda."""

    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.EventPage"]

    class Meta:
        verbose_name = _("agenda")

    def items(self, request):
        return paginate(request, EventPage.listed_pages(locale=self.locale))


class EventPage(TopicalPage):
    """A meeting: a steering group, the directors' meeting, a work table, a network day."""

    taxonomy = Taxonomy(
        "event",
        themes="themes",
        regions="region",
        kind="kind",
        date="start",
        region_from_parent=True,
        listed=True,
    )
    listing_heading = _("Agenda")
    listing_empty_text = _("Er zijn geen bijeenkomsten gepland.")
    listing_order = 3

    kind = models.CharField(_("soort"), max_length=20, choices=EventKind.choices)
    start = models.DateTimeField(_("begin"))
    end = models.DateTimeField(_("einde"))
    whole_day = models.BooleanField(
        _("hele dag"), default=False, help_text=_("De tijden van begin en einde doen er niet toe.")
    )
    location = models.CharField(_("locatie"), max_length=255, blank=True)
    contact_name = models.CharField(_("contactpersoon"), max_length=255, blank=True)
    contact_email = models.EmailField(_("e-mailadres van de contactpersoon"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer van de contactpersoon"), max_length=50, blank=True)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("regio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Leeg voor landelijke bijeenkomsten; onder een regiopagina wordt de regio vanzelf ingevuld."
        ),
    )
    tags = ClusterTaggableManager(through=EventPageTag, verbose_name=_("trefwoorden"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("whole_day"),
        FieldPanel("location"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
        FieldPanel("region"),
        *TOPICAL_PANELS,
        FieldPanel("tags"),
    ]
    search_fields = (
        TOPICAL_SEARCH_FIELDS
        + REGION_SEARCH_FIELDS
        + [
            index.SearchField("location"),
            index.FilterField("kind"),
            index.FilterField("start"),
        ]
    )
    api_fields = [
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("whole_day"),
        APIField("location"),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("contact_phone"),
        REGION_API_FIELD,
        *TOPICAL_API_FIELDS,
        APIField("tags", serializer=TagNamesField()),
    ]

    # Under a content page: events of an imported Plone site stay in their folder.
    parent_page_types = ["knowledge.EventIndexPage", "regions.RegionPage", "knowledge.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Het einde ligt vóór het begin.")})

    @classmethod
    def listed_pages(cls, locale=None):
        """What is still to come or going on, the first first."""
        return super().listed_pages(locale).filter(end__gte=timezone.now()).order_by("start", "pk")
