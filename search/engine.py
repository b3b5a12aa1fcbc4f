"""The search service on a cluster (OpenSearch, Elasticsearch): one engine request per search.

Wagtail's own backend indexes the pages and compiles the words (its query compiler, with the
live, public, locale and page-type filters of the queryset). To that this adds, in one request
(one `_msearch` when a search with several words may fall back to pages with any of them):

- the active filters as a `post_filter`, so that every facet is counted under every active filter
  except its own (one filtered aggregation per facet, a terms aggregation per page type's field);
- promoted pages first (a constant score far above any match), then the ranked matches;
- the sort by the page type's own date (a script over each type's date field) when asked;
- highlighted snippets of the intro and body;
- the page of hits in order with their titles, for reordering the first ones by how many terms
  their titles hold, as the database path does.

No list of ids goes back to the database but the page of hits shown.
"""

from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from modelsearch.index import FilterField, RelatedFields
from wagtail.search.backends import get_search_backend
from wagtail.search.query import MATCH_ALL

from .query import InvalidSearch
from .sources import FACETS

CONTENT_TYPE = "_django_content_type"
FACET_SIZE = 100  # more codes than any facet has (35 regions)
MAX_ENGINE_WINDOW = 10_000  # the engine's index.max_result_window: from + size stay within it
PROMOTED_BOOST = 1_000_000
ALL_TERMS_BOOST = 10_000
SNIPPET_FIELDS = ("*__intro", "*__body", "*__search_text", "intro", "body")
DATE_SCRIPT = """
    for (String name : params.fields) {
        if (doc.containsKey(name) && doc[name].size() > 0) {
            return doc[name].value.toInstant().toEpochMilli();
        }
    }
    return 0;
"""


class SearchUnavailable(InvalidSearch):
    """The search engine cannot be reached; the message is for the person searching."""

    status = 503
    retry_after = 60  # seconds


@contextmanager
def engine_errors():
    """Turns the clients' connection errors and timeouts into SearchUnavailable."""
    try:
        yield
    except Exception as error:
        if _is_unreachable(error):
            raise SearchUnavailable(
                _("Zoeken is even niet beschikbaar. Probeer het over een paar minuten opnieuw.")
            ) from error
        raise


def cluster_backend():
    """The configured backend when it is a cluster (Elasticsearch, OpenSearch), else None. One
    instance per configuration and process, so that its client keeps its connections open."""
    config = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    if "URLS" not in config and "HOSTS" not in config:  # a database backend
        return None
    return _backend_for(repr(sorted(config.items())))


@cache
def _backend_for(_config):
    backend = get_search_backend()
    return backend if isinstance(backend, ElasticsearchBaseSearchBackend) else None


def reindex_moved_section(sender, instance, **kwargs):
    """After a move, the page and every page under it have new tree paths, on which the engine's
    privacy filter works (a section moved under a private one must drop out of search): their
    documents are written again. The database backend joins the paths at query time."""
    if cluster_backend() is None:
        return
    for page in instance.get_descendants(inclusive=True).specific().iterator():
        index.insert_or_update_object(page)


@dataclass
class EngineAnswer:
    total: int  # the pages that pass the filters
    matched: int  # the pages the query matches, before the filters
    facets: dict  # facet name → Counter of codes
    head: list  # (id, title, score) of the hits asked for, in order
    snippets: dict = field(default_factory=dict)  # id → highlighted HTML


class EngineFields:
    """Where the engine keeps one page type's facts: (nested path or None, field) per lookup."""

    def __init__(self, backend, model):
        self.model = model
        self.mapping = backend.mapping_class(model)
        self.search_fields = model.get_search_fields()

    def column(self, lookup):
        relation, _sep, inner = lookup.partition("__")
        for search_field in self.search_fields:
            if inner and isinstance(search_field, RelatedFields) and search_field.field_name == relation:
                path = self.mapping.get_field_column_name(search_field)
                related = self.mapping.__class__(search_field.get_field(self.model).related_model)
                for sub_field in search_field.fields:
                    if isinstance(sub_field, FilterField) and sub_field.field_name == inner:
                        return path, f"{path}.{related.get_field_column_name(sub_field)}"
            if not inner and isinstance(search_field, FilterField) and search_field.field_name == lookup:
                return None, self.mapping.get_field_column_name(search_field)
        raise LookupError(
            f"{self.model._meta.label} declares {lookup!r} in its taxonomy but not as a filter field in "
            "its search_fields: the search engine cannot filter or count it."
        )

    def term(self, lookup, value):
        path, column = self.column(lookup)
        condition = {"term": {column: value}}
        # A page type whose documents are not in this index yet has no mapping for its path.
        return {"nested": {"path": path, "query": condition, "ignore_unmapped": True}} if path else condition

    def terms_aggregation(self, lookup):
        path, column = self.column(lookup)
        codes = {"terms": {"field": column, "size": FACET_SIZE}}
        return {"nested": {"path": path}, "aggs": {"codes": codes}} if path else codes


@cache
def _engine_fields(backend, model):
    return EngineFields(backend, model)


class EngineSearch:
    """The engine's request for a search over `sources` (the page types of search.sources), and
    the reading of its answer."""

    def __init__(self, sources):
        self.backend = cluster_backend()
        self.sources = sources  # content type id → PageSource
        self.fields = {source: _engine_fields(self.backend, source.model) for source in sources.values()}

    # The request

    def condition(self, facet, code):
        """The engine's condition for pages with `code` of `facet`, of any page type."""
        if facet == "type":
            labels = [source.model_label for source in self.sources.values() if source.type_code == code]
            return {"terms": {CONTENT_TYPE: labels}}
        conditions = []
        for source, fields in self.fields.items():
            if facet == "school_type":
                conditions += [
                    fields.term(flag, True) for flag_code, flag in source.school_types if flag_code == code
                ]
            elif (lookup := source.lookups.get(facet)) is not None:
                conditions.append(fields.term(lookup, code))
        return {"bool": {"should": conditions, "minimum_should_match": 1}}

    def passing(self, filters, except_facet=None):
        return {
            "bool": {
                "filter": [
                    self.condition(facet, code) for facet, code in filters.items() if facet != except_facet
                ]
            }
        }

    def aggregations(self, filters):
        """Per facet, the codes of the pages that pass every active filter but the facet's own."""
        aggs = {}
        for facet in FACETS:
            parts = {}
            if facet == "type":
                labels = sorted({source.model_label for source in self.sources.values()})
                parts["type"] = {"terms": {"field": CONTENT_TYPE, "include": labels, "size": FACET_SIZE}}
            for number, (source, fields) in enumerate(self.fields.items()):
                if facet == "school_type":
                    for code, flag in source.school_types:
                        parts[f"{number}-{code}"] = {"filter": fields.term(flag, True)}
                elif (lookup := source.lookups.get(facet)) is not None:
                    parts[str(number)] = fields.terms_aggregation(lookup)
            aggs[facet] = {"filter": self.passing(filters, except_facet=facet), "aggs": parts}
        aggs["matched"] = {"filter": {"match_all": {}}}
        return aggs

    def query(self, pages, backend_query, promoted, all_terms_query=None):
        compiler = self.backend.query_compiler_class(pages, backend_query or MATCH_ALL)
        should = [compiler.get_inner_query()]
        if all_terms_query is not None:
            all_terms = self.backend.query_compiler_class(pages, all_terms_query).get_inner_query()
            should = [
                {
                    "bool": {
                        "must": should[0],
                        "should": [{"constant_score": {"filter": all_terms, "boost": ALL_TERMS_BOOST}}],
                    }
                }
            ]
        should += [
            {
                "constant_score": {
                    "filter": {"ids": {"values": [str(pk)]}},
                    "boost": PROMOTED_BOOST * (len(promoted) - position),
                }
            }
            for position, pk in enumerate(promoted)
        ]
        return {
            "bool": {"should": should, "minimum_should_match": 1, "filter": compiler.get_filters()},
        }

    def body(self, query, filters, start, size, sort_dates):
        body = {
            "query": query,
            "post_filter": self.passing(filters),
            "aggs": self.aggregations(filters),
            "track_total_hits": True,
            "from": start,
            "size": size,
            "_source": ["title"],
            "highlight": {
                "encoder": "html",
                "pre_tags": ["<mark>"],
                "post_tags": ["</mark>"],
                "fragment_size": 160,
                "number_of_fragments": 1,
                "require_field_match": False,
                "fields": {name: {} for name in SNIPPET_FIELDS},
            },
        }
        # Ties go to the newer page (the higher id), as on the database, so pages never overlap.
        first = (
            {
                "_script": {
                    "type": "number",
                    "order": "desc",
                    "script": {"source": DATE_SCRIPT, "params": {"fields": self.date_columns()}},
                }
            }
            if sort_dates
            else "_score"
        )
        body["sort"] = [first, {"id_filter": "desc"}]
        return body

    def date_columns(self):
        columns = [fields.column(source.date)[1] for source, fields in self.fields.items() if source.date]
        return [*columns, "first_published_at_filter"]

    # Sending and reading

    def run(self, bodies):
        """Send the bodies (one, or two for the fallback) in one request; their answers."""
        index = self.backend.get_index_for_model(next(iter(self.sources.values())).model).name
        with engine_errors():
            if len(bodies) == 1:
                return [self.backend.es.search(index=index, body=bodies[0])]
            lines = [part for body in bodies for part in ({}, body)]
            return self.backend.es.msearch(index=index, body=lines)["responses"]

    def answer(self, response):
        if "error" in response:
            raise RuntimeError(f"search engine error: {response['error']}")
        hits = response["hits"]["hits"]
        return EngineAnswer(
            total=response["hits"]["total"]["value"],
            matched=response["aggregations"]["matched"]["doc_count"],
            facets=self.read_facets(response["aggregations"]),
            head=[
                (int(hit["_id"]), hit.get("_source", {}).get("title", ""), hit["_score"] or 0) for hit in hits
            ],
            snippets={int(hit["_id"]): snippet for hit in hits if (snippet := _snippet(hit))},
        )

    def read_facets(self, aggregations):
        counts = {facet: Counter() for facet in FACETS}
        type_codes = {source.model_label: source.type_code for source in self.sources.values()}
        for facet in FACETS:
            for name, part in aggregations[facet].items():
                if not isinstance(part, dict) or name == "meta":
                    continue  # the filter's own doc_count and meta
                if facet == "type":
                    for bucket in part["buckets"]:
                        counts[facet][type_codes[bucket["key"]]] += bucket["doc_count"]
                elif facet == "school_type":
                    counts[facet][name.split("-", 1)[1]] += part["doc_count"]
                else:
                    buckets = part["codes"]["buckets"] if "codes" in part else part["buckets"]
                    for bucket in buckets:
                        counts[facet][bucket["key"]] += bucket["doc_count"]
        return {facet: +found for facet, found in counts.items()}


def _snippet(hit):
    """The highlighted passages of the intro and the body, in that order, as the database path's
    snippets read the intro first."""
    highlight = hit.get("highlight", {})
    passages = [
        fragments[0]
        for suffix in ("intro", "body", "search_text")
        for name, fragments in highlight.items()
        if name.endswith(suffix) and fragments
    ]
    return " … ".join(passages) or None


def _is_unreachable(error):
    """A connection error or timeout of either client (opensearch-py, elasticsearch), which share
    these class names but no base class."""
    return any(cls.__name__ in ("ConnectionError", "ConnectionTimeout") for cls in type(error).__mro__)
