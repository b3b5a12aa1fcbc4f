"""The one search service behind the search page (/zoeken/) and the search API (/api/search/).

Entry point::

    from search.service import search
    result = search("stageplaats werkgever", {"theme": "nazorg"}, page=1, page_size=20)
    result.total, result.hits, result.facets

How a search runs, in a fixed number of queries whatever the number of matches, without reading
the matches into Python:

1. the query is cleaned and split into terms; each term gets its known word forms or, when the
   index does not know it, the closest known words (typos); adjacent terms also count as one
   compound word ("werk plek" → "werkplek");
2. the backend matches live, public pages with all terms, ranked in SQL (`search.matching`),
   falling back to pages with any term when that finds little; promoted pages for the query come
   first;
3. the filters become SQL conditions from each page type's lookups (`search.sources`); one
   statement (`search.counting`) reads the first matches that pass them, by the backend's rank
   or by the page type's date, and counts the total and every facet, each facet under every
   active filter except its own; when promoted pages or pages with all terms come first, the
   ranked page is a query of its own;
4. of the best `RERANK_WINDOW` by the backend's rank, titles holding more of the terms come
   first;
5. only the shown results are loaded, with their facts and snippets.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, Q, QuerySet
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from core.taxonomy import code_titles
from regions.models import Region, SchoolType
from themes.models import Theme

from .counting import count_matches
from .engine import (
    ALL_TERMS_BOOST,
    MAX_ENGINE_WINDOW,
    EngineSearch,
    SearchUnavailable,
    cluster_backend,
    engine_errors,
)
from .matching import ranked_matches
from .query import Interpretation, InvalidSearch, clean, interpret, terms_of
from .snippets import page_text, snippet
from .sources import FACETS, collect_facts, passing, sort_date, sources_by_content_type

MAX_PAGE_SIZE = 100
# Page numbers beyond this are refused: the offset they make must stay a small integer for the
# database (PostgreSQL's bigint, SQLite's integer) and the engine.
MAX_PAGE = 10_000
DEFAULT_PAGE_SIZE = 20
SORTS = ("relevance", "date")
# When all terms together match fewer pages than this, pages with any term follow them.
FALLBACK_BELOW = 5
# The best this many matches by the backend's rank are reordered by how many terms their titles
# hold; further down, the backend's order stands.
RERANK_WINDOW = 100
# On the engine every hit asked for comes with its highlighted snippet, which costs; its ranking
# (BM25, title weighted) needs reordering only near the top.
ENGINE_RERANK_WINDOW = 30
INVALID_PAGE = _("Het paginanummer is een geheel getal van 1 tot en met %(max)d.")

__all__ = ["FACETS", "InvalidSearch", "SearchResult", "SearchUnavailable", "record", "search", "suggest"]


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


def search(query="", filters=None, page=1, page_size=DEFAULT_PAGE_SIZE, sort="relevance", locale=None):
    """Search live, public pages. Raises InvalidSearch (with a message for the user) on bad
    input; a page beyond the last gives an empty list of hits with the true total."""
    query = clean(query or "")
    themes = {theme.code: theme for theme in Theme.objects.all()}
    regions = {region.code: region for region in Region.objects.all()}
    sources = sources_by_content_type()
    filters = _validated_filters(filters or {}, themes, regions, sources)
    page, page_size, sort = _validated_paging(page, page_size, sort)
    base = (
        Page.objects.live()
        .public()
        .filter(locale=locale or Locale.get_active(), content_type_id__in=list(sources))
    )
    start, stop = (page - 1) * page_size, page * page_size
    on = _on_engine if cluster_backend() is not None else _on_database
    found = on(base, query, filters, sources, start, stop, sort)
    specific = {p.pk: p for p in Page.objects.filter(pk__in=found.shown).specific()}
    shown = [pk for pk in found.shown if pk in specific]  # an index a moment behind the database
    facts = collect_facts([(pk, specific[pk].content_type_id) for pk in shown], sources)
    return SearchResult(
        query=query,
        total=found.total,
        page=page,
        page_size=page_size,
        sort=sort,
        filters=filters,
        hits=[
            _hit(
                specific[pk],
                facts[pk],
                found.words,
                themes,
                regions,
                promoted=pk in found.promoted,
                snippet_html=found.snippets.get(pk),
            )
            for pk in shown
        ],
        facets=_facets(found.facets, filters, themes, regions, sources),
    )


@dataclass
class Found:
    """What a search found, on the database or on the engine: the total, the facet counts, the
    ids of the page of hits in order."""

    total: int
    facets: dict
    shown: list
    promoted: list = field(default_factory=list)
    words: list = field(default_factory=list)
    snippets: dict = field(default_factory=dict)  # id → highlighted HTML, from the engine


def _on_database(base, query, filters, sources, start, stop, sort):
    candidates = _candidates(base, query)
    if sort == "date":
        counts = count_matches(
            candidates.pages.annotate(sort_date=sort_date(sources)),
            filters,
            sources,
            order=[F("sort_date").desc(nulls_last=True), "-pk"],
            head=stop,
        )
        shown = [pk for pk, _title in counts.head[start:stop]]
    elif candidates.pinned:
        counts = count_matches(candidates.pages, filters, sources)
        shown = candidates.ids_at(passing(filters, sources), start, stop)
    else:
        counts = count_matches(
            candidates.pages,
            filters,
            sources,
            order=candidates.ranked.query.order_by,
            head=max(RERANK_WINDOW, stop),
        )
        shown = candidates.reranked(counts.head)[start:stop]
    return Found(counts.total, counts.facets, shown, candidates.promoted, candidates.words)


def _on_engine(base, query, filters, sources, start, stop, sort):
    """The same search in one engine request (search.engine); pages with all terms first when
    fewer than FALLBACK_BELOW have them all and pages with any term follow."""
    terms = terms_of(query)
    engine = EngineSearch(sources)
    if query and not terms:  # only punctuation: nothing
        return Found(0, {facet: Counter() for facet in FACETS}, [])
    interpretation = interpret(terms) if terms else None
    promoted = _promoted(base, query) if terms else []
    # As on the database: the first RERANK_WINDOW by the engine's rank are reordered by the
    # terms their titles hold; a page that reaches into them reads from the first hit.
    reranking = interpretation is not None and sort == "relevance" and start < ENGINE_RERANK_WINDOW
    offset, size = (0, max(ENGINE_RERANK_WINDOW, stop)) if reranking else (start, stop - start)
    if offset + size > MAX_ENGINE_WINDOW:  # beyond what the engine pages through: no hits, true total
        offset, size = 0, 0

    def body(backend_query, all_terms_query=None):
        request = engine.query(base, backend_query, promoted, all_terms_query)
        return engine.body(request, filters, offset, size, sort_dates=sort == "date")

    if interpretation is None:
        bodies = [body(None)]
    else:
        bodies = [body(interpretation.backend_query("and"))]
        if len(interpretation.groups) > 1:
            bodies.append(body(interpretation.backend_query("or"), interpretation.backend_query("and")))
    answers = [engine.answer(response) for response in engine.run(bodies)]
    answer = answers[0]
    if len(answers) > 1 and answer.matched - len(promoted) < FALLBACK_BELOW:
        answer = answers[1]
    shown = [pk for pk, _title, _score in answer.head]
    if reranking:
        window = _reranked_hits(answer.head[:ENGINE_RERANK_WINDOW], interpretation, promoted)
        shown = (window + shown[ENGINE_RERANK_WINDOW:])[start:stop]
    return Found(
        answer.total,
        answer.facets,
        shown,
        promoted,
        interpretation.words if interpretation else [],
        answer.snippets,
    )


def _reranked_hits(head, interpretation, promoted):
    """Promoted pages first, then pages with all terms (when pages with any term follow them),
    each group with the titles holding more of the terms first."""

    def key(hit):
        _pk, title, score = hit
        return (score < ALL_TERMS_BOOST, -interpretation.title_coverage(title))

    pinned = [hit for hit in head if hit[0] in promoted]
    rest = sorted((hit for hit in head if hit[0] not in promoted), key=key)
    return [pk for pk, _title, _score in pinned + rest]


@dataclass
class Candidates:
    """What a query finds before filters, and in which order."""

    pages: QuerySet  # every candidate
    ranked: QuerySet  # the candidates below, best first by the backend's rank
    promoted: list = field(default_factory=list)  # ids of promoted pages, first of all
    # ids of the pages with all terms, when pages with any term follow them
    all_terms: list = field(default_factory=list)
    interpretation: Interpretation | None = None

    @property
    def words(self):
        return self.interpretation.words if self.interpretation else []

    @property
    def pinned(self):
        return self.promoted + self.all_terms

    def ids_at(self, wanted, start, stop):
        """Ids at positions `start` to `stop` of the candidates that pass `wanted` (a condition
        on Page), when pages are pinned: promoted pages, then pages with all terms when the
        others have any, then the rest, those with more terms in the title first."""
        first = self._first(wanted)
        rest = self.ranked.filter(wanted)
        return first[start:stop] + self._best(rest, max(0, start - len(first)), stop - len(first))

    def reranked(self, head):
        """Ids of `head`, (pk, title) rows in the backend's order, the first `RERANK_WINDOW`
        reordered so that titles holding more of the terms come first."""
        ids = [pk for pk, _title in head]
        if self.interpretation is None:
            return ids
        return _by_title_coverage(head[:RERANK_WINDOW], self.interpretation) + ids[RERANK_WINDOW:]

    def _first(self, wanted):
        passed = set(self.pages.filter(wanted, pk__in=self.pinned).values_list("pk", flat=True))
        return [pk for pk in self.pinned if pk in passed]

    def _best(self, ranked, start, stop):
        if stop <= 0:
            return []
        head = list(ranked.values_list("pk", "title")[: max(RERANK_WINDOW, stop)])
        return self.reranked(head)[start:stop]


def _candidates(base, query):
    terms = terms_of(query)
    if not terms:  # no query: everything, newest first; only punctuation: nothing
        pages = base.none() if query else base
        return Candidates(pages, pages.order_by("-first_published_at", "-pk"))
    interpretation = interpret(terms)
    promoted = _promoted(base, query)
    all_terms = []
    matches = ranked_matches(base, interpretation.backend_query("and"))
    if len(interpretation.groups) > 1 and _fewer_than_fallback(matches):
        all_terms = [
            pk
            for pk in _by_title_coverage(matches.values_list("pk", "title"), interpretation)
            if pk not in promoted
        ]
        matches = ranked_matches(base, interpretation.backend_query("or"))
    pinned = promoted + all_terms
    pages = matches.order_by()
    if pinned:
        pages = base.filter(Q(pk__in=pages.values("pk")) | Q(pk__in=pinned))
    return Candidates(
        pages=pages,
        ranked=matches.exclude(pk__in=pinned),
        promoted=promoted,
        all_terms=all_terms,
        interpretation=interpretation,
    )


def _by_title_coverage(rows, interpretation):
    """Ids of (pk, title) rows, those whose title holds more of the terms first."""
    ordered = sorted(rows, key=lambda row: -interpretation.title_coverage(row[1]))
    return [pk for pk, _title in ordered]


def _fewer_than_fallback(matches):
    return len(matches.order_by().values_list("pk", flat=True)[:FALLBACK_BELOW]) < FALLBACK_BELOW


def _validated_filters(filters, themes, regions, sources):
    known = {
        "theme": themes,
        "region": regions,
        "kind": set(code_titles("kind")),
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
    if not 1 <= page <= MAX_PAGE:
        raise invalid_page()
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise InvalidSearch(
            _("Het aantal resultaten per pagina ligt tussen 1 en %(max)d.") % {"max": MAX_PAGE_SIZE}
        )
    if sort not in SORTS:
        raise InvalidSearch(_("Sorteren kan op relevance (relevantie) of date (datum)."))
    return page, page_size, sort


def invalid_page():
    return InvalidSearch(INVALID_PAGE % {"max": MAX_PAGE})


def _promoted(base, query):
    """Ids of pages editors promoted for this query (Wagtail's search promotions), in order."""
    page_ids = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query), page__isnull=False)
        .order_by("sort_order")
        .values_list("page_id", flat=True)
    )
    if not page_ids:
        return []
    found = set(base.filter(pk__in=page_ids).values_list("pk", flat=True))
    return [pk for pk in page_ids if pk in found]


def _hit(page, facts, words, themes, regions, promoted, snippet_html=None):
    kind = next(iter(facts.values["kind"]), None)
    return Hit(
        page=page,
        type_code=facts.type_code,
        snippet=mark_safe(snippet_html) if snippet_html else snippet(page_text(page), words),  # noqa: S308 - the engine escapes (encoder html)
        date=facts.page_date,
        kind=kind,
        themes=sorted((themes[c] for c in facts.values["theme"]), key=lambda t: t.order),
        regions=sorted((regions[c] for c in facts.values["region"]), key=lambda r: r.name),
        promoted=promoted,
    )


def _facets(counts, filters, themes, regions, sources):
    titles = {
        "theme": {code: theme.title for code, theme in themes.items()},
        "region": {code: region.name for code, region in regions.items()},
        "kind": code_titles("kind"),
        "type": {s.type_code: capfirst(s.model._meta.verbose_name) for s in sources.values()},
        "school_type": dict(SchoolType.choices),
    }
    facets = {}
    for name in FACETS:
        found = counts[name]
        if filters.get(name):
            found.setdefault(filters[name], 0)
        order = list(titles[name])  # the reference order: theme order, region name, choices
        facets[name] = [
            FacetValue(code, str(titles[name].get(code, code)), count, filters.get(name) == code)
            for code, count in sorted(
                found.items(),
                key=lambda item: (-item[1], order.index(item[0]) if item[0] in order else len(order)),
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
        Page.objects.live()
        .public()
        .filter(locale=locale or Locale.get_active(), content_type_id__in=list(sources))
        .autocomplete(" ".join(terms))
    )
    with engine_errors():
        return list(pages[:limit])


def record(result):
    """Count the query for the editors' reports: popular queries, and queries without results."""
    from .models import UnansweredQuery

    if not result.query or result.page != 1 or result.filters:
        return
    Query.get(result.query).add_hit()
    if result.total == 0:
        UnansweredQuery.record(result.query)
