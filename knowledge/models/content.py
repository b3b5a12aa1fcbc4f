from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from core.models import BasePage
from core.taxonomy import Taxonomy

from ..serializers import TagNamesField
from .tags import ContentPageTag


class ContentPage(BasePage):
    """A general page that may hold pages of its own, as a folder or page of a Plone site does
    (`manage.py import_plone`); it lists its live children below its text."""

    taxonomy = Taxonomy("page")

    tags = ClusterTaggableManager(through=ContentPageTag, verbose_name=_("trefwoorden"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body"), FieldPanel("tags")]
    search_fields = BasePage.search_fields + [index.RelatedFields("tags", [index.SearchField("name")])]
    api_fields = [*BasePage.api_fields, APIField("tags", serializer=TagNamesField())]

    parent_page_types = ["knowledge.HomePage", "knowledge.ContentPage"]
    subpage_types = ["knowledge.ContentPage", "knowledge.NewsPage", "knowledge.EventPage"]

    class Meta:
        verbose_name = _("pagina")
        verbose_name_plural = _("pagina's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().specific()
        return context
