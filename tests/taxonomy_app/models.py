"""A page type of a third-party app that only declares its taxonomy: the tests show that it
appears in the content API filters, the search facets and the theme pages without an edit in the
project's apps."""

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.search import index

from core.models import BasePage
from core.taxonomy import Taxonomy


class PosterPage(BasePage):
    themes = ParentalManyToManyField("themes.Theme", blank=True, related_name="+")
    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    date = models.DateField(default=timezone.localdate)

    taxonomy = Taxonomy("poster", themes="themes", regions="region", date="date", listed=True)
    listing_heading = "Posters"
    listing_empty_text = "Nog geen posters."

    search_fields = BasePage.search_fields + [index.FilterField("date")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = []
