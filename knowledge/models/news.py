from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
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


class NewsIndexPage(FrontEndPreviewMixin, SectionIndexPage):
    subpage_types = ["knowledge.NewsPage"]

    class Meta:
        verbose_name = _("nieuwsoverzicht")

    def items(self, request):
        from .listings import news_items, paginate

        return paginate(request, news_items(locale=self.locale))


class NewsPage(TopicalPage):
    """A national or regional news item."""

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

    content_panels = Page.content_panels + [FieldPanel("date"), FieldPanel("region")] + TOPICAL_PANELS
    search_fields = TOPICAL_SEARCH_FIELDS + REGION_SEARCH_FIELDS + [index.FilterField("date")]
    api_fields = [APIField("date"), REGION_API_FIELD] + TOPICAL_API_FIELDS

    parent_page_types = ["knowledge.NewsIndexPage", "regions.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")

    def save(self, *args, **kwargs):
        if self.region_id is None:
            self.region = self.parent_region()
        return super().save(*args, **kwargs)
