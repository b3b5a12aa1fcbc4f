"""Relevance on the judged set: our search against plain Wagtail search, per database."""

import pytest
from django.db import connection

from search.service import search

from .conftest import RELEVANCE_FIGURES
from .relevance import QUERIES, load_corpus, mean_reciprocal_rank, plain_wagtail_slugs

# PostgreSQL (dutch stemming) must reach this; SQLite has no Dutch stemming, so it is held to a
# lower floor (README, "Search").
FLOOR = {"postgresql": 0.9, "sqlite": 0.85}


def our_slugs(query, filters):
    return [hit.page.slug for hit in search(query, filters, page_size=10).hits]


@pytest.mark.django_db
def test_judged_queries_rank_relevant_results_first():
    load_corpus()
    ours, misses = mean_reciprocal_rank(our_slugs)
    plain, _plain_misses = mean_reciprocal_rank(plain_wagtail_slugs)
    RELEVANCE_FIGURES[connection.vendor] = {
        "ours": ours,
        "plain": plain,
        "misses": misses,
        "queries": len(QUERIES),
    }
    assert len(QUERIES) >= 30
    assert ours >= FLOOR[connection.vendor], misses
    assert ours >= plain + 0.1  # clearly better than untuned search on the same corpus
