"""Relevance on the judged set: our search against plain Wagtail search, per database."""

import pytest

from search.service import search

from .conftest import RELEVANCE_FIGURES, backend_name
from .relevance import QUERIES, load_corpus, mean_reciprocal_rank, plain_wagtail_slugs

# PostgreSQL (dutch stemming) and a cluster (its Dutch analyzer) must reach this; SQLite has no
# Dutch stemming, so it is held to a lower floor (README, "Search").
FLOOR = {"postgresql": 0.9, "sqlite": 0.85, "opensearch": 0.9, "elasticsearch": 0.9}
# Plain Wagtail search on a database ranks without field weights; ours must beat it clearly. On a
# cluster plain search already ranks with BM25 and Dutch stemming: ours must not fall below it.
MARGIN = {"postgresql": 0.1, "sqlite": 0.1, "opensearch": 0.0, "elasticsearch": 0.0}


def our_slugs(query, filters):
    return [hit.page.slug for hit in search(query, filters, page_size=10).hits]


@pytest.mark.django_db
def test_judged_queries_rank_relevant_results_first():
    load_corpus()
    ours, misses = mean_reciprocal_rank(our_slugs)
    plain, _plain_misses = mean_reciprocal_rank(plain_wagtail_slugs)
    engine = backend_name()
    RELEVANCE_FIGURES[engine] = {
        "ours": ours,
        "plain": plain,
        "misses": misses,
        "queries": len(QUERIES),
    }
    assert len(QUERIES) >= 30
    assert ours >= FLOOR[engine], misses
    assert ours >= plain + MARGIN[engine]
