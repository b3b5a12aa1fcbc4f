from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from core.models import SectionIndexPage
from core.preview import FrontEndPreviewMixin
from core.taxonomy import Taxonomy

from .base import (
    REGION_API_FIELD,
    REGION_SEARCH_FIELDS,
    TOPICAL_API_FIELDS,
    TOPICAL_PANELS,
    TOPICAL_SEARCH_FIELDS,
    TopicalPage,
)
from .listings import paginate
from .tags import NewsPageTag


class NewsIndexPage(FrontEndPreviewMixin, SectionIndexPage):
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.NewsPage"]

    class Meta:
        verbose_name = _("nieuwsoverzicht")

    def items(self, request):
        return paginate(request, NewsPage.listed_pages(locale=self.locale))


class NewsPage(TopicalPage):
    """A national or regional news item."""

    taxonomy = Taxonomy(
        "news", themes="themes", regions="region", date="date", region_from_parent=True, listed=True
    )
    listing_heading = _("Nieuws")
    listing_empty_text = _("Er is nog geen nieuws.")
    listing_order = 1

    date = models.DateField(_("datum"), default=timezone.localdate)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("regio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leeg voor landelijk nieuws; onder een regiopagina wordt de regio vanzelf ingevuld."),
    )
    tags = ClusterTaggableManager(through=NewsPageTag, verbose_name=_("trefwoorden"), blank=True)

    content_panels = (
        Page.content_panels
        + [FieldPanel("date"), FieldPanel("region")]
        + TOPICAL_PANELS
        + [FieldPanel("tags")]
    )
    search_fields = TOPICAL_SEARCH_FIELDS + REGION_SEARCH_FIELDS + [index.FilterField("date")]
    api_fields = [APIField("date"), REGION_API_FIELD] + TOPICAL_API_FIELDS + [APIField("tags")]

    # Under a content page: news items of an imported Plone site stay in their folder.
    parent_page_types = ["knowledge.NewsIndexPage", "regions.RegionPage", "knowledge.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")
