from django.utils.translation import gettext_lazy as _

from core.models import BasePage
from regions.models import RegionPage
from themes.models import ThemePage


class HomePage(BasePage):
    """The national hub: the latest national news, the themes and the regions."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "knowledge.NewsIndexPage",
        "knowledge.KnowledgeIndexPage",
        "knowledge.EventIndexPage",
        "themes.ThemeIndexPage",
        "regions.RegionIndexPage",
        "knowledge.NetworkPage",
        "knowledge.ContentPage",
    ]

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        from .news import NewsIndexPage, NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["news_index"] = NewsIndexPage.objects.child_of(self).live().first()
        context["latest_news"] = NewsPage.listed_pages(locale=self.locale).filter(region__isnull=True)[:4]
        context["theme_pages"] = (
            ThemePage.objects.live()
            .public()
            .filter(locale=self.locale)
            .select_related("theme")
            .order_by("theme__order")
        )
        context["region_pages"] = (
            RegionPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .select_related("region")
            .order_by("region__name")
        )
        return context


class NetworkPage(BasePage):
    """A page of the coordinators' network area; its section is view-restricted."""

    parent_page_types = ["knowledge.HomePage", "knowledge.NetworkPage"]
    subpage_types = ["knowledge.NetworkPage"]

    class Meta:
        verbose_name = _("netwerkpagina")
        verbose_name_plural = _("netwerkpagina's")
