"""Which page types search covers, and what each contributes to the filters and facets.

Search covers every page type that declares a taxonomy (`core.taxonomy`); its `PageSource` holds
the lookups from the page to its theme codes, region codes, kind, date and school types. From
these the search builds its SQL: the
filters (`pages_with`), the facts the facets count (`PageSource.row_facts`, `related_facts`) and
the date to sort on (`sort_date`); `collect_facts` reads the same facts for the pages shown.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, reduce
from operator import and_, or_

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import DateField, Q
from django.db.models.functions import Cast, Coalesce
from django.utils.functional import cached_property

from core.taxonomy import registered_page_models, taxonomy_of

FACETS = ("theme", "region", "kind", "type", "school_type")


@dataclass(frozen=True)
class PageSource:
    type_code: str
    model_label: str
    themes: str | None = None  # lookup to theme codes
    regions: str | None = None  # lookup to region codes
    kind: str | None = None
    date: str | None = None
    school_types: tuple[tuple[str, str], ...] = ()  # (school type code, boolean field)

    @cached_property
    def model(self):
        return apps.get_model(self.model_label)

    @cached_property
    def lookups(self):
        """Facet name → lookup, for the facets held in the page's own row or a relation."""
        found = {"theme": self.themes, "region": self.regions, "kind": self.kind}
        return {name: lookup for name, lookup in found.items() if lookup}

    def is_multi_valued(self, lookup):
        return self.model._meta.get_field(lookup.split("__")[0]).many_to_many

    @cached_property
    def single_lookups(self):
        """Facet name → lookup, for the facets held in the page's own row or a foreign key."""
        return {facet: lookup for facet, lookup in self.lookups.items() if not self.is_multi_valued(lookup)}

    @cached_property
    def row_facts(self):
        """The facets this type keeps in its own row or behind a foreign key, as (facet, lookup
        from this type's model, code): without a code the lookup gives the codes; with one, it
        is a flag."""
        facts = [(facet, lookup, None) for facet, lookup in self.single_lookups.items()]
        return facts + [("school_type", flag, code) for code, flag in self.school_types]

    @cached_property
    def related_facts(self):
        """The facets this type keeps in many-to-many relations, as (facet, lookup)."""
        return [(facet, lookup) for facet, lookup in self.lookups.items() if facet not in self.single_lookups]

    def having(self, facet, code):
        """The condition on this type's pages for `code` of `facet`, or None without the facet."""
        return taxonomy_of(self.model).having(facet, code)

    @cached_property
    def own_row(self):
        """The lookup from a Page to this type's own row (multi-table inheritance)."""
        return self.model._meta.get_field("page_ptr").related_query_name()


def page_source(model):
    """The search's view of a page model's taxonomy."""
    taxonomy = taxonomy_of(model)
    return PageSource(
        taxonomy.type_code,
        model._meta.label,
        themes=taxonomy.lookup("theme"),
        regions=taxonomy.lookup("region"),
        kind=taxonomy.lookup("kind"),
        date=taxonomy.date,
        school_types=tuple(taxonomy.school_types.items()),
    )


@cache
def page_sources():
    """A source for every page type that declares a taxonomy, made once per process."""
    return tuple(page_source(model) for model in registered_page_models())


def sources_by_content_type():
    sources = page_sources()
    content_types = ContentType.objects.get_for_models(*(source.model for source in sources))
    return {content_types[source.model].pk: source for source in sources}


def pages_with(facet, code, sources):
    """A condition on Page: the pages that have `code` for `facet`."""
    if facet == "type":
        return Q(
            content_type_id__in=[
                content_type for content_type, source in sources.items() if source.type_code == code
            ]
        )
    return reduce(
        or_,
        (
            Q(pk__in=source.model.objects.filter(condition).values("pk"))
            for source in sources.values()
            if (condition := source.having(facet, code)) is not None
        ),
    )


def passing(filters, sources):
    """A condition on Page: the pages that pass every filter."""
    return reduce(and_, (pages_with(facet, code, sources) for facet, code in filters.items()), Q())


def sort_date(sources):
    """An expression on Page: the page type's own date, or else the date of first publication."""
    own_dates = [
        Cast(f"{source.own_row}__{source.date}", DateField()) for source in sources.values() if source.date
    ]
    return Coalesce(*own_dates, Cast("first_published_at", DateField()))


@dataclass
class PageFacts:
    """What a search hit shows of one page."""

    type_code: str
    values: dict = field(default_factory=dict)  # facet name → set of codes
    page_date: date | None = None  # the page's own date (news, article, event start)


def _as_date(value):
    return value.date() if isinstance(value, datetime) else value


def collect_facts(pages, sources):
    """Facts for each page in `pages` ((pk, content_type_id) rows, a page of results), in one
    query per page type."""
    facts = {}
    by_source = {}
    for pk, content_type_id in pages:
        source = sources[content_type_id]
        facts[pk] = PageFacts(
            type_code=source.type_code,
            values={name: set() for name in FACETS} | {"type": {source.type_code}},
        )
        by_source.setdefault(source, []).append(pk)
    for source, ids in by_source.items():
        _add_source_facts(source, ids, facts)
    return facts


def _add_source_facts(source, ids, facts):
    """One query per page type: a row per combination of a page's related codes."""
    fields = [
        *(lookup for _facet, lookup, _code in source.row_facts),
        *([source.date] if source.date else []),
        *(lookup for _facet, lookup in source.related_facts),
    ]
    for pk, *values in source.model.objects.filter(pk__in=ids).values_list("pk", *fields):
        page = facts[pk]
        row = dict(zip(fields, values, strict=True))
        for facet, lookup, flag_code in source.row_facts:
            code = row[lookup]
            if flag_code is not None:  # the lookup is a flag for this code
                code = flag_code if code else None
            if code is not None:
                page.values[facet].add(code)
        for facet, lookup in source.related_facts:
            if row[lookup] is not None:
                page.values[facet].add(row[lookup])
        if source.date:
            page.page_date = _as_date(row[source.date])
