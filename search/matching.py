"""The pages a backend query matches, as a queryset in the backend's order of relevance.

The search service filters, counts, groups and pages this queryset in SQL, so it never reads
all matches. On PostgreSQL the match is written here against Wagtail's index table: every word
is tested on the title and on the body column apart, where Wagtail's own search tests their
concatenation, which has to be built for every row and which no index can serve. As the search
service's queries combine single words with And and Or, both find the same pages; the rank is
Wagtail's. Wagtail's other database backends (SQLite) already answer with a queryset. A cluster
(Elasticsearch, OpenSearch) does not come here: search.engine asks it directly.
"""

from functools import reduce
from operator import and_, mul, or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from modelsearch.backends.database.postgres.weights import WEIGHTS_VALUES
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

TITLE = F("index_entries__title")
BODY = F("index_entries__body")


def ranked_matches(pages, backend_query):
    backend = get_search_backend()
    if isinstance(backend, PostgresSearchBackend):
        return _postgres_matches(pages, backend_query, backend.config)
    return pages.search(backend_query).get_queryset()


def _postgres_matches(pages, query, config):
    query = _distinct_alternatives(query, config)
    rank = _rank(query, TITLE, config) * F("index_entries__title_norm") + _rank(query, BODY, config)
    return (
        pages.filter(_matching(query, config))
        .annotate(search_rank=rank)
        .order_by(F("search_rank").desc(), "-pk")
    )


def _matching(query, config):
    """The condition for `query` (words combined with And and Or), each word on title or body.
    Alternatives of one word (its forms, corrections) make one text search query, so that
    PostgreSQL tests them in one go and estimates how many pages match from its statistics."""
    if _is_one_word(query):
        words = _tsquery(query, config)
        return Q(index_entries__title=words) | Q(index_entries__body=words)
    return reduce(
        and_ if isinstance(query, And) else or_,
        (_matching(subquery, config) for subquery in query.subqueries),
    )


def _distinct_alternatives(query, config):
    """`query` without the alternatives of a word that stem to what an earlier one stems to:
    "werkgevers" and "werkgever" are both "werkgever". PostgreSQL takes such an Or for two
    independent words, and so expects far more pages to match than do."""
    parts = _parts(query)
    if not any(map(_is_alternatives, parts)):
        return query
    words = sorted({part.query_string for part in parts if isinstance(part, PlainText)})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, plainto_tsquery(%s::regconfig, word)::text FROM unnest(%s::text[]) word",
            [config, words],
        )
        stems = dict(cursor.fetchall())
    return _without_repeats(query, stems)


def _parts(query):
    """`query` and every query within it."""
    if isinstance(query, PlainText):
        return [query]
    return [query, *(part for subquery in query.subqueries for part in _parts(subquery))]


def _without_repeats(query, stems):
    if isinstance(query, PlainText):
        return query
    if _is_alternatives(query):
        firsts = {}
        for word in query.subqueries:
            firsts.setdefault(stems[word.query_string], word)
        kept = list(firsts.values())
        return kept[0] if len(kept) == 1 else Or(kept)
    return type(query)([_without_repeats(subquery, stems) for subquery in query.subqueries])


def _is_one_word(query):
    """A word, or the alternatives of one word: one text search query."""
    return isinstance(query, PlainText) or _is_alternatives(query)


def _is_alternatives(query):
    return isinstance(query, Or) and all(isinstance(sub, PlainText) for sub in query.subqueries)


def _rank(query, vector, config):
    """Wagtail's rank for `query` on one column: all of And, the mean of Or; the alternatives of a
    word rank as one text search query, as they match."""
    if _is_one_word(query):
        return SearchRank(vector, _tsquery(query, config), weights=WEIGHTS_VALUES)
    ranks = [_rank(subquery, vector, config) for subquery in query.subqueries]
    if isinstance(query, And):
        return reduce(mul, (1 + rank for rank in ranks)) - 1
    return sum(ranks[1:], ranks[0]) / len(ranks)


def _tsquery(query, config):
    if isinstance(query, PlainText):
        return SearchQuery(query.query_string, config=config)
    return reduce(or_, (_tsquery(word, config) for word in query.subqueries))
