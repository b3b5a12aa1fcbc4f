from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from knowledge.preview import FrontEndPreviewMixin
from knowledge.sections import SectionIndexPage

from .base import (
    REGION_API_FIELD,
    REGION_SEARCH_FIELDS,
    TOPICAL_API_FIELDS,
    TOPICAL_PANELS,
    TOPICAL_SEARCH_FIELDS,
    TopicalPage,
)


class EventKind(models.TextChoices):
    STEERING_GROUP = "stuurgroep", _("Stuurgroep")
    DIRECTORS_MEETING = "directiebijeenkomst", _("Directiebijeenkomst")
    WORK_TABLE = "werktafel", _("Werktafel")
    NATIONAL_NETWORK = "landelijk-netwerk", _("Landelijk netwerk")
    OTHER = "overig", _("Overig")


class EventIndexPage(FrontEndPreviewMixin, SectionIndexPage):
    """The Agenda."""

    subpage_types = ["knowledge.EventPage"]

    class Meta:
        verbose_name = _("agenda")

    def items(self, request):
        from .listings import paginate, upcoming_events

        return paginate(request, upcoming_events(locale=self.locale))


class EventPage(TopicalPage):
    """A meeting: a steering group, the directors' meeting, a work table, a network day."""

    kind = models.CharField(_("soort"), max_length=20, choices=EventKind.choices)
    start = models.DateTimeField(_("begin"))
    end = models.DateTimeField(_("einde"))
    location = models.CharField(_("locatie"), max_length=255, blank=True)
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

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("location"),
        FieldPanel("region"),
        *TOPICAL_PANELS,
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
        APIField("location"),
        REGION_API_FIELD,
        *TOPICAL_API_FIELDS,
    ]

    parent_page_types = ["knowledge.EventIndexPage", "regions.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Het einde ligt vóór het begin.")})

    def save(self, *args, **kwargs):
        if self.region_id is None:
            self.region = self.parent_region()
        return super().save(*args, **kwargs)
