from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from core.models import BasePage
from regions.models import RegionIndexPage, RegionPage
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
        # The sections of the main menu and the national overview.
        sections = list(self.get_children().live().public().in_menu())
        context["sections"] = sections
        region_index = next(
            (page.specific_deferred for page in sections if page.specific_class is RegionIndexPage), None
        )
        if region_index is not None:
            context["overview_url"] = region_index.get_url(request) + region_index.reverse_subpage("overview")
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


class NetworkPageForm(WagtailAdminPageForm):
    """A new page under a post of the network area is a reply: its title starts filled in."""

    def __init__(self, data=None, files=None, parent_page=None, *args, instance=None, **kwargs):
        if data is None and instance is not None and instance.pk is None and parent_page is not None:
            if parent_page.specific.is_post:
                instance.title = _("Reactie op: %(title)s") % {"title": parent_page.title}
        super().__init__(data, files, parent_page, *args, instance=instance, **kwargs)


class NetworkPage(BasePage):
    """A page of the coordinators' network area; its section is view-restricted. The section's
    pages are the posts of the network's members (coordinators and national editors), the pages
    under a post its replies; members write them in the admin."""

    parent_page_types = ["knowledge.HomePage", "knowledge.NetworkPage"]
    subpage_types = ["knowledge.NetworkPage"]
    base_form_class = NetworkPageForm

    class Meta:
        verbose_name = _("netwerkpagina")
        verbose_name_plural = _("netwerkpagina's")

    @cached_property
    def is_section(self):
        return self.get_parent().specific_class is not NetworkPage

    @cached_property
    def is_post(self):
        return not self.is_section and self.get_parent().specific.is_section

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().specific().select_related("owner")
        if self.is_section:
            context["posts"] = children.order_by("-first_published_at", "-pk")
        else:
            context["replies"] = children.order_by("first_published_at", "pk")
        if self.permissions_for_user(request.user).can_add_subpage():
            context["write_url"] = reverse(
                "wagtailadmin_pages:add", args=["knowledge", "networkpage", self.pk]
            )
        return context
