from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from knowledge.blocks import BodyBlock
from knowledge.preview import FrontEndPreviewMixin


class HomePage(FrontEndPreviewMixin, Page):
    """The national hub: the latest national news, the themes and the regions."""

    intro = models.TextField(_("inleiding"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "knowledge.NewsIndexPage",
        "knowledge.KnowledgeIndexPage",
        "knowledge.EventIndexPage",
        "themes.ThemeIndexPage",
        "regions.RegionIndexPage",
        "knowledge.NetworkPage",
    ]

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        from regions.models import RegionPage
        from themes.models import ThemePage

        from .listings import news_items
        from .news import NewsIndexPage

        context = super().get_context(request, *args, **kwargs)
        context["news_index"] = NewsIndexPage.objects.child_of(self).live().first()
        context["latest_news"] = news_items(locale=self.locale, national_only=True)[:4]
        context["theme_pages"] = (
            ThemePage.objects.live().public().filter(locale=self.locale)
            .select_related("theme").order_by("theme__order")
        )
        context["region_pages"] = (
            RegionPage.objects.live().public().filter(locale=self.locale)
            .select_related("region").order_by("region__name")
        )
        return context


class NetworkPage(FrontEndPreviewMixin, Page):
    """A page of the coordinators' network area; its section is view-restricted."""

    intro = models.TextField(_("inleiding"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["knowledge.HomePage", "knowledge.NetworkPage"]
    subpage_types = ["knowledge.NetworkPage"]

    class Meta:
        verbose_name = _("netwerkpagina")
        verbose_name_plural = _("netwerkpagina's")
