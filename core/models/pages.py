"""What every page type of the plugins shares: an intro, a body of blocks, the front-end preview,
and the search and API fields of both."""

from functools import cache

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from core.blocks import BodyBlock
from core.preview import FrontEndPreviewMixin
from core.taxonomy import taxonomy_of


class TaxonomyIndexedMixin(models.Model):
    """Indexes a filter field for each fact the page type's taxonomy declares (its theme and region
    codes, kind, date and school types), beside the search fields it declares itself, so that every
    search backend can filter and count them without a second declaration."""

    class Meta:
        abstract = True

    @classmethod
    def get_search_fields(cls):
        fields = {(type(field), field.field_name): field for field in super().get_search_fields()}
        taxonomy = taxonomy_of(cls)
        for name in (taxonomy.themes, taxonomy.regions) if taxonomy else ():
            if name:
                related = fields.get((index.RelatedFields, name))
                inner = list(related.fields) if related else []
                if not any(_is_code_filter(item) for item in inner):
                    inner.append(index.FilterField("code"))
                fields[(index.RelatedFields, name)] = index.RelatedFields(name, inner)
        for name in taxonomy.flat_fields() if taxonomy else ():
            fields.setdefault((index.FilterField, name), index.FilterField(name))
        return list(fields.values())


def _is_code_filter(field):
    return isinstance(field, index.FilterField) and field.field_name == "code"


class RegionFromParentMixin(models.Model):
    """Gives a page whose taxonomy says `region_from_parent` the region of the page it sits under
    (a page whose taxonomy names a single region) when it has none of its own; a region field that
    editors cannot set follows the tree, also after a move."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        taxonomy = taxonomy_of(type(self))
        if taxonomy is not None and taxonomy.region_from_parent:
            self._take_region_from_parent(taxonomy.regions)
        return super().save(*args, **kwargs)

    def parent_region(self):
        """The region of the page this page sits under, or None for national content."""
        parent = self.get_parent()
        parent = parent.specific_deferred if parent is not None else None
        taxonomy = taxonomy_of(type(parent)) if parent is not None else None
        if taxonomy is None or not taxonomy.regions or parent._meta.get_field(taxonomy.regions).many_to_many:
            return None
        return getattr(parent, taxonomy.regions)

    def _take_region_from_parent(self, name):
        region_field = self._meta.get_field(name)
        if region_field.many_to_many:
            if not getattr(self, name).all():
                region = self.parent_region()
                if region is not None:
                    setattr(self, name, [region])
        elif not region_field.editable or getattr(self, region_field.attname) is None:
            setattr(self, name, self.parent_region())


class BasePage(TaxonomyIndexedMixin, RegionFromParentMixin, FrontEndPreviewMixin, Page):
    intro = models.TextField(_("inleiding"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro", boost=2), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    # A `core.taxonomy.Taxonomy` on page types with themes, regions, a kind, a date or school types.
    taxonomy = None
    # Page types listed on region and theme pages (taxonomy.listed) name their section; sections
    # with a lower listing_order come first.
    listing_heading = None
    listing_empty_text = None
    listing_order = 0

    class Meta:
        abstract = True

    @classmethod
    def listed_pages(cls, locale=None):
        """The live, public pages of this type as listings show them: newest first by the page
        type's date, with their themes and regions fetched in bulk."""
        pages = cls.objects.live().public()
        if locale is not None:
            pages = pages.filter(locale=locale)
        taxonomy = taxonomy_of(cls)
        for name in (taxonomy.themes, taxonomy.regions) if taxonomy else ():
            if name and cls._meta.get_field(name).many_to_many:
                pages = pages.prefetch_related(name)
            elif name:
                pages = pages.select_related(name)
        date = taxonomy.date if taxonomy and taxonomy.date else "first_published_at"
        return pages.order_by(f"-{date}", "-pk")


@cache
def page_types_naming_parent(parent_model):
    """The page types that name `parent_model` in their own `parent_page_types`: a parent page type
    in a lower app lets them in by overriding `clean_subpage_models` with this, and never needs to
    name the higher apps' page types itself."""
    return [
        model
        for model in get_page_models()
        if getattr(model, "parent_page_types", None) is not None
        and parent_model in model.clean_parent_page_models()
    ]
