"""The one search service behind the search page (/zoeken/) and the search API (/api/search/).

Entry point::

    from search.service import search
    result = search("stageplaats werkgever", {"theme": "nazorg"}, page=1, page_size=20)
    result.total, result.hits, result.facets

How a search runs, in a fixed number of queries whatever the number of matches:

1. the query is cleaned and split into terms; each term gets its known word forms or, when the
   index does not know it, the closest known words (typos); adjacent terms also count as one
   compound word ("werk plek" → "werkplek");
2. the backend finds live, public pages with all terms, ordered by relevance, falling back to
   pages with any term when that finds little; promoted pages for the query come first;
3. the facts every filter and facet needs (themes, region, kind, type, school types, date) are
   read for the matches from each page type's tables (`search.sources`);
4. filters and facet counts are computed from those facts: each facet counts the matches that
   pass every active filter except its own;
5. only the requested page of results is loaded, with snippets.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from knowledge.models import ArticleKind, EventKind
from regions.models import Region, SchoolType
from themes.models import Theme

from .query import InvalidSearch, clean, interpret, terms_of
from .snippets import page_text, snippet
from .sources import FACETS, collect_facts, sources_by_content_type

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
SORTS = ("relevance", "date")
# When all terms together match fewer pages than this, pages with any term follow them.
FALLBACK_BELOW = 5
INVALID_PAGE = _("Het paginanummer is een geheel getal vanaf 1.")

__all__ = ["FACETS", "InvalidSearch", "SearchResult", "record", "search", "suggest"]


@dataclass
class FacetValue:
    code: str
    title: str
    count: int
    active: bool = False


@dataclass
class Hit:
    page: Page  # the specific page
    type_code: str
    snippet: str
    date: date | None
    kind: str | None
    themes: list
    regions: list
    promoted: bool = False


@dataclass
class SearchResult:
    query: str
    total: int
    page: int
    page_size: int
    sort: str
    filters: dict
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)

    @property
    def num_pages(self):
        return max(1, -(-self.total // self.page_size))

    @property
    def start_index(self):
        return (self.page - 1) * self.page_size + 1


def search(query="", filters=None, page=1, page_size=DEFAULT_PAGE_SIZE, sort="relevance",
           locale=None):
    """Search live, public pages. Raises InvalidSearch (with a message for the user) on bad
    input; a page beyond the last gives an empty list of hits with the true total."""
    query = clean(query or "")
    themes = {theme.code: theme for theme in Theme.objects.all()}
    regions = {region.code: region for region in Region.objects.all()}
    sources = sources_by_content_type()
    filters = _validated_filters(filters or {}, themes, regions, sources)
    page, page_size, sort = _validated_paging(page, page_size, sort)
    base = (
        Page.objects.live().public()
        .filter(locale=locale or Locale.get_active(), content_type_id__in=list(sources))
        .only("id", "content_type_id", "first_published_at", "title")
    )
    pages, words = _candidates(base, query)
    facts = collect_facts(
        [(p.pk, p.content_type_id, p.first_published_at) for p in pages], sources
    )
    order = [p.pk for p in pages if facts[p.pk].matches(filters)]
    if sort == "date":
        order.sort(key=lambda pk: facts[pk].sort_date or date.min, reverse=True)

    promoted = {p.pk for p in pages if getattr(p, "promoted", False)}
    start = (page - 1) * page_size
    shown = order[start: start + page_size]
    specific = {p.pk: p for p in Page.objects.filter(pk__in=shown).specific()}
    return SearchResult(
        query=query,
        total=len(order),
        page=page,
        page_size=page_size,
        sort=sort,
        filters=filters,
        hits=[
            _hit(specific[pk], facts[pk], words, themes, regions, promoted=pk in promoted)
            for pk in shown
        ],
        facets=_facets(facts, filters, themes, regions, sources),
    )


def _candidates(base, query):
    """The pages that match the query, best first, and the words to mark in snippets."""
    terms = terms_of(query)
    if not terms:  # no query: everything, newest first; only punctuation: nothing
        return ([] if query else list(base.order_by("-first_published_at", "-pk"))), []
    interpretation = interpret(terms)
    unique = {}
    for page in _promoted(base, query) + _matches(base, interpretation):
        unique.setdefault(page.pk, page)
    return list(unique.values()), interpretation.words


def _validated_filters(filters, themes, regions, sources):
    known = {
        "theme": themes,
        "region": regions,
        "kind": set(ArticleKind.values) | set(EventKind.values),
        "type": {source.type_code for source in sources.values()},
        "school_type": set(SchoolType.values),
    }
    active = {name: code for name, code in filters.items() if code}
    for name, code in active.items():
        if name not in known:
            raise InvalidSearch(_("Onbekend filter: %(name)s.") % {"name": name})
        if code not in known[name]:
            raise InvalidSearch(
                _("Onbekende waarde %(code)s voor filter %(name)s.") % {"code": code, "name": name}
            )
    return active


def _validated_paging(page, page_size, sort):
    if page < 1:
        raise InvalidSearch(INVALID_PAGE)
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise InvalidSearch(
            _("Het aantal resultaten per pagina ligt tussen 1 en %(max)d.") % {"max": MAX_PAGE_SIZE}
        )
    if sort not in SORTS:
        raise InvalidSearch(_("Sorteren kan op relevance (relevantie) of date (datum)."))
    return page, page_size, sort


def _matches(base, interpretation):
    """Pages with all terms, then (when those are few) pages with any; within each, pages whose
    title holds more of the terms first, then in the backend's order of relevance."""
    found = _by_title_coverage(base.search(interpretation.backend_query("and")), interpretation)
    if len(found) < FALLBACK_BELOW and len(interpretation.groups) > 1:
        found += _by_title_coverage(base.search(interpretation.backend_query("or")), interpretation)
    return found


def _by_title_coverage(pages, interpretation):
    return sorted(pages, key=lambda page: -interpretation.title_coverage(page.title))


def _promoted(base, query):
    """Pages editors promoted for this query (Wagtail's search promotions), in their order."""
    page_ids = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query), page__isnull=False
    ).order_by("sort_order").values_list("page_id", flat=True)
    pages = {p.pk: p for p in base.filter(pk__in=page_ids)}
    promoted = [pages[pk] for pk in page_ids if pk in pages]
    for p in promoted:
        p.promoted = True
    return promoted


def _hit(page, facts, words, themes, regions, promoted):
    kind = next(iter(facts.values["kind"]), None)
    return Hit(
        page=page,
        type_code=facts.type_code,
        snippet=snippet(page_text(page), words),
        date=facts.page_date,
        kind=kind,
        themes=sorted((themes[c] for c in facts.values["theme"]), key=lambda t: t.order),
        regions=sorted((regions[c] for c in facts.values["region"]), key=lambda r: r.name),
        promoted=promoted,
    )


def _facets(facts, filters, themes, regions, sources):
    titles = {
        "theme": {code: theme.title for code, theme in themes.items()},
        "region": {code: region.name for code, region in regions.items()},
        "kind": dict(ArticleKind.choices) | dict(EventKind.choices),
        "type": {s.type_code: capfirst(s.model._meta.verbose_name) for s in sources.values()},
        "school_type": dict(SchoolType.choices),
    }
    facets = {}
    for name in FACETS:
        counts = Counter(
            code
            for page in facts.values()
            if page.matches(filters, except_facet=name)
            for code in page.values[name]
        )
        if filters.get(name):
            counts.setdefault(filters[name], 0)
        order = list(titles[name])  # the reference order: theme order, region name, choices
        facets[name] = [
            FacetValue(code, str(titles[name].get(code, code)), count, filters.get(name) == code)
            for code, count in sorted(
                counts.items(), key=lambda item: (-item[1], order.index(item[0])
                                                  if item[0] in order else len(order))
            )
        ]
    return facets


def suggest(prefix, limit=8, locale=None):
    """Titles of live, public pages that have a word starting with `prefix`."""
    terms = terms_of(clean(prefix or ""))
    if not terms:
        return []
    sources = sources_by_content_type()
    pages = (
        Page.objects.live().public()
        .filter(locale=locale or Locale.get_active(), content_type_id__in=list(sources))
        .autocomplete(" ".join(terms))
    )
    return list(pages[:limit])


def record(result):
    """Count the query for the editors' reports: popular queries, and queries without results."""
    from .models import UnansweredQuery

    if not result.query or result.page != 1 or result.filters:
        return
    Query.get(result.query).add_hit()
    if result.total == 0:
        UnansweredQuery.record(result.query)
