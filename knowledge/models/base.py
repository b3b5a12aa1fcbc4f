"""What news, articles and events share: a required intro, a body of blocks and themes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.search import index

from core.models import BasePage
from regions.serializers import RegionSerializer
from themes.serializers import ThemeSerializer


class TopicalPage(BasePage):
    intro = models.TextField(
        _("inleiding"), help_text=_("Eén of twee zinnen voor overzichten en zoekresultaten.")
    )
    themes = ParentalManyToManyField("themes.Theme", verbose_name=_("thema's"), blank=True, related_name="+")

    class Meta:
        abstract = True


TOPICAL_SEARCH_FIELDS = BasePage.search_fields + [
    index.RelatedFields("themes", [index.SearchField("title"), index.FilterField("code")]),
    index.FilterField("themes"),
]

TOPICAL_API_FIELDS = [*BasePage.api_fields, APIField("themes", serializer=ThemeSerializer(many=True))]

TOPICAL_PANELS = [FieldPanel("intro"), FieldPanel("body"), FieldPanel("themes")]


REGION_SEARCH_FIELDS = [
    index.RelatedFields("region", [index.SearchField("name"), index.FilterField("code")]),
    index.FilterField("region"),
]


REGION_API_FIELD = APIField("region", serializer=RegionSerializer(allow_null=True))
