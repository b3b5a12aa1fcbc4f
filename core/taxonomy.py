"""The taxonomy registry: which field of a page type holds its themes, its region or regions, its
kind, its date and its school types.

A page type declares this once, on the model::

    class NewsPage(BasePage):
        taxonomy = Taxonomy("news", themes="themes", regions="region", date="date",
                            region_from_parent=True)

The content API filters, the search service, the feeds, the listings and the region and theme
pages read the declaration; a new page type plugs in by declaring it. Themes and regions are
related rows (a foreign key or a many-to-many field) with a `code`; the kind is a field with
choices; the date a date or date-time field; each school type a boolean field.
"""

from dataclasses import dataclass, field
from functools import cache

from django.db.models import Q
from wagtail.models import get_page_models

TAXONOMY_FACETS = ("theme", "region", "kind")


@dataclass(frozen=True)
class Taxonomy:
    type_code: str  # the page type's code in search and API filters ("article", "news", …)
    themes: str | None = None
    regions: str | None = None
    kind: str | None = None
    date: str | None = None
    school_types: dict = field(default_factory=dict)  # school type code → boolean field
    # The page takes its region from the page it sits under (a region page), when it has none.
    region_from_parent: bool = False
    # Listed on region and theme pages (through the model's `listed_pages`).
    listed: bool = False

    def field_for(self, facet):
        """The model field holding `facet` ("theme", "region" or "kind"), or None."""
        return {"theme": self.themes, "region": self.regions, "kind": self.kind}[facet]

    def flat_fields(self):
        """The fields that hold a fact in the page's own row: the relations themselves (for
        filtering on ids), the kind, the date and the school type flags."""
        names = [self.themes, self.regions, self.kind, self.date, *self.school_types.values()]
        return [name for name in names if name]

    def lookup(self, facet):
        """The lookup from the page to the codes of `facet`, or None when the type lacks it."""
        name = self.field_for(facet)
        if name is None:
            return None
        return name if facet == "kind" else f"{name}__code"

    def having(self, facet, code):
        """The condition on this type's pages for `code` of `facet`, or None without the facet."""
        if facet == "school_type":
            flag = self.school_types.get(code)
            return Q(**{flag: True}) if flag else None
        lookup = self.lookup(facet)
        return Q(**{lookup: code}) if lookup else None


def taxonomy_of(model):
    """The taxonomy a page model declares, or None."""
    declared = getattr(model, "taxonomy", None)
    return declared if isinstance(declared, Taxonomy) else None


@cache
def registered_page_models():
    """Every concrete page model that declares a taxonomy, in the order Wagtail knows them."""
    return tuple(model for model in get_page_models() if taxonomy_of(model) is not None)


def page_model_for(type_code):
    """The registered page model of `type_code` ("article"), or None when its app is not installed."""
    for model in registered_page_models():
        if taxonomy_of(model).type_code == type_code:
            return model
    return None


def related_model(facet):
    """The model whose rows are the values of `facet` ("theme" or "region"), or None when no page
    type has that facet."""
    for model in registered_page_models():
        name = taxonomy_of(model).field_for(facet)
        if name:
            return model._meta.get_field(name).related_model
    return None


def known_codes(facet):
    """Every code `facet` may take: the rows of the related model, the choices of the kind fields,
    the declared school types."""
    if facet in ("theme", "region"):
        model = related_model(facet)
        return set(model.objects.values_list("code", flat=True)) if model else set()
    if facet == "school_type":
        return {code for model in registered_page_models() for code in taxonomy_of(model).school_types}
    return set(code_titles(facet))


def code_titles(facet):
    """Code → title of the values of "kind" (the kind fields' choices) or "type" (the page types'
    verbose names)."""
    titles = {}
    for model in registered_page_models():
        taxonomy = taxonomy_of(model)
        if facet == "kind" and taxonomy.kind:
            titles.update(model._meta.get_field(taxonomy.kind).choices)
        elif facet == "type":
            titles[taxonomy.type_code] = model._meta.verbose_name
    return titles


def pages_having(facet, code, models=None):
    """A condition on Page: the pages of every registered type that have `code` for `facet`."""
    condition = Q(pk__in=[])
    for model in models or registered_page_models():
        own = taxonomy_of(model).having(facet, code)
        if own is not None:
            condition |= Q(pk__in=model.objects.filter(own).values("pk"))
    return condition


def pages_dated(lookup, value, models=None):
    """A condition on Page: the pages whose own date matches `lookup` ("gte", "lte") of `value`."""
    condition = Q(pk__in=[])
    for model in models or registered_page_models():
        date_field = taxonomy_of(model).date
        if date_field:
            if model._meta.get_field(date_field).get_internal_type() == "DateTimeField":
                date_field = f"{date_field}__date"
            condition |= Q(pk__in=model.objects.filter(**{f"{date_field}__{lookup}": value}).values("pk"))
    return condition
