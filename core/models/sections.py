"""The sections under the home page (Nieuws, Kennisbank, Agenda, Thema's, Regio's): each
appears once under its parent, has an intro and lists its live, public pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index


class SectionIndexPage(Page):
    """Subclasses put core.preview.FrontEndPreviewMixin first, before any other mixin that serves
    previews (RoutablePageMixin)."""

    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    max_count_per_parent = 1

    class Meta:
        abstract = True

    def items(self, request):
        """What the section lists, in the order shown (a page of them for long lists)."""
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.items(request)
        return context
