"""What news, articles and events share: an intro, a body of blocks, themes, and a region
that follows from where the page sits in the tree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from knowledge.blocks import BodyBlock
from knowledge.preview import FrontEndPreviewMixin
from regions.serializers import RegionSerializer
from themes.serializers import ThemeSerializer


class TopicalPage(FrontEndPreviewMixin, Page):
    intro = models.TextField(
        _("inleiding"), help_text=_("Eén of twee zinnen voor overzichten en zoekresultaten.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)
    themes = ParentalManyToManyField("themes.Theme", verbose_name=_("thema's"), blank=True, related_name="+")

    class Meta:
        abstract = True

    def parent_region(self):
        """The region of the RegionPage this page sits under, or None for national content."""
        from regions.models import RegionPage

        parent = self.get_parent()
        if parent is not None and isinstance(parent.specific_deferred, RegionPage):
            return parent.specific_deferred.region
        return None


TOPICAL_SEARCH_FIELDS = Page.search_fields + [
    index.SearchField("intro", boost=2),
    index.SearchField("body"),
    index.RelatedFields("themes", [index.SearchField("title"), index.FilterField("code")]),
    index.FilterField("themes"),
]

TOPICAL_API_FIELDS = [
    APIField("intro"),
    APIField("body"),
    APIField("themes", serializer=ThemeSerializer(many=True)),
]

TOPICAL_PANELS = [FieldPanel("intro"), FieldPanel("body"), FieldPanel("themes")]


REGION_SEARCH_FIELDS = [
    index.RelatedFields("region", [index.SearchField("name"), index.FilterField("code")]),
    index.FilterField("region"),
]


REGION_API_FIELD = APIField("region", serializer=RegionSerializer(allow_null=True))
