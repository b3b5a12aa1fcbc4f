"""Which page types search covers, and what each contributes to the filters and facets.

A new page type plugs in with one `PageSource` entry: the lookups from the page to its theme
codes, region codes, kind, date and school types.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.functional import cached_property

FACETS = ("theme", "region", "kind", "type", "school_type")
MAX_ID_PARAMETERS = 5000


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
        """Facet name → lookup, for the facets held in the page's own row or a foreign key."""
        found = {"theme": self.themes, "region": self.regions, "kind": self.kind}
        return {name: lookup for name, lookup in found.items() if lookup}

    def is_multi_valued(self, lookup):
        return self.model._meta.get_field(lookup.split("__")[0]).many_to_many


TOPICAL_THEMES = "themes__code"
SCHOOL_TYPE_FLAGS = (("pro", "for_pro"), ("vso", "for_vso"))

SOURCES = (
    PageSource("article", "knowledge.ArticlePage", themes=TOPICAL_THEMES, regions="regions__code",
               kind="kind", date="date", school_types=SCHOOL_TYPE_FLAGS),
    PageSource("news", "knowledge.NewsPage", themes=TOPICAL_THEMES, regions="region__code",
               date="date"),
    PageSource("event", "knowledge.EventPage", themes=TOPICAL_THEMES, regions="region__code",
               kind="kind", date="start"),
    PageSource("theme", "themes.ThemePage", themes="theme__code"),
    PageSource("region", "regions.RegionPage", regions="region__code"),
    PageSource("regional-photo", "regions.RegionalPhotoPage", regions="region__code",
               date="last_reviewed"),
    PageSource("annual-plan", "regions.AnnualPlanPage", regions="region__code"),
)


def sources_by_content_type():
    content_types = ContentType.objects.get_for_models(*(source.model for source in SOURCES))
    return {content_types[source.model].pk: source for source in SOURCES}


@dataclass
class PageFacts:
    """What filters and facets need to know about one page."""

    type_code: str
    sort_date: date | None
    values: dict = field(default_factory=dict)  # facet name → set of codes
    page_date: date | None = None  # the page's own date (news, article, event start)

    def matches(self, filters, except_facet=None):
        return all(
            code in self.values.get(name, ())
            for name, code in filters.items()
            if name != except_facet
        )


def _as_date(value):
    return value.date() if isinstance(value, datetime) else value


def collect_facts(pages, sources):
    """Facts for each page in `pages` ((pk, content_type_id, first_published_at) rows), in a
    fixed number of queries per page type, whatever the number of pages."""
    facts = {}
    by_source = {}
    for pk, content_type_id, published in pages:
        source = sources[content_type_id]
        facts[pk] = PageFacts(
            type_code=source.type_code,
            sort_date=_as_date(published),
            values={name: set() for name in FACETS} | {"type": {source.type_code}},
        )
        by_source.setdefault(source, []).append(pk)
    for source, rows in by_source.items():
        _add_source_facts(source, rows, facts)
    return facts


def _add_source_facts(source, ids, facts):
    # Many matches: read the type's public pages whole rather than send thousands of parameters.
    if len(ids) > MAX_ID_PARAMETERS:
        pages = source.model.objects.live().public()
    else:
        pages = source.model.objects.filter(pk__in=ids)
    single = {name: lookup for name, lookup in source.lookups.items()
              if not source.is_multi_valued(lookup)}
    scalar_fields = list(single.values()) + [flag for _code, flag in source.school_types]
    if source.date:
        scalar_fields.append(source.date)
    if scalar_fields:
        for pk, *values in pages.values_list("pk", *scalar_fields):
            page = facts.get(pk)
            if page is None:
                continue
            row = dict(zip(scalar_fields, values, strict=True))
            for name, lookup in single.items():
                if row[lookup] is not None:
                    page.values[name].add(row[lookup])
            page.values["school_type"].update(
                code for code, flag in source.school_types if row[flag]
            )
            if source.date:
                page.page_date = _as_date(row[source.date])
                page.sort_date = page.page_date or page.sort_date
    for name, lookup in source.lookups.items():
        if name in single:
            continue
        for pk, code in pages.filter(**{f"{lookup}__isnull": False}).values_list("pk", lookup):
            if pk in facts:
                facts[pk].values[name].add(code)
