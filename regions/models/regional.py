"""What the pages a coordinator keeps under a region page share: the region, taken from the tree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from core.models import RegionFromParentMixin, TaxonomyIndexedMixin


class RegionalPageMixin(TaxonomyIndexedMixin, RegionFromParentMixin):
    """A page that sits directly under a RegionPage and carries that page's region (its taxonomy
    says `region_from_parent`), so that it can be filtered and found by region without walking the
    tree."""

    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("arbeidsmarktregio"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )

    region_search_fields = [
        index.RelatedFields("region", [index.SearchField("name"), index.FilterField("code")]),
        index.FilterField("region"),
    ]

    class Meta:
        abstract = True
