"""The judged relevance set: a corpus of Dutch articles and queries with the results a person
would want first, and the mean reciprocal rank (MRR) of a search function over it."""

import io
import json
from pathlib import Path

from django.core.management import call_command
from wagtail.models import Page

from knowledge.models import ArticlePage, EventPage, NewsPage
from search.sources import passing, sources_by_content_type

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "relevance_articles.jsonl"
QUERIES = json.loads((FIXTURES / "relevance_queries.json").read_text(encoding="utf-8"))
CUTOFF = 10  # a relevant result below the tenth counts as not found


def load_corpus():
    """Only the corpus: the demo's news, articles and events go offline; theme and region pages
    stay, as they would on the real site."""
    Page.objects.type(NewsPage, ArticlePage, EventPage).update(live=False)
    call_command("import_articles", str(CORPUS), stdout=io.StringIO())


def reciprocal_rank(slugs, relevant):
    for position, slug in enumerate(slugs[:CUTOFF], start=1):
        if slug in relevant:
            return 1 / position
    return 0.0


def mean_reciprocal_rank(search_slugs):
    """MRR of `search_slugs(query, filters) -> [slug, …]` over the judged queries, and the
    queries whose first relevant result is not first."""
    ranks = {
        item["query"] + json.dumps(item["filters"]): reciprocal_rank(
            search_slugs(item["query"], item["filters"]), set(item["relevant"])
        )
        for item in QUERIES
    }
    misses = {query: rank for query, rank in ranks.items() if rank < 1}
    return sum(ranks.values()) / len(ranks), misses


def plain_wagtail_slugs(query, filters):
    """Wagtail's search without tuning, the same filters applied afterwards."""
    sources = sources_by_content_type()
    pages = [p for p in Page.objects.live().search(query)[:200] if p.content_type_id in sources]
    passed = set(
        Page.objects.filter(passing(filters, sources), pk__in=[p.pk for p in pages]).values_list(
            "pk", flat=True
        )
    )
    return [p.slug for p in pages if p.pk in passed]
