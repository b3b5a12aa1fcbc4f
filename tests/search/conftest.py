from django.conf import settings
from django.db import connection

RELEVANCE_FIGURES = {}  # filled by test_relevance: backend → {"ours": mrr, "plain": mrr}


def pytest_terminal_summary(terminalreporter):
    if not RELEVANCE_FIGURES:
        return
    terminalreporter.section("search relevance (mean reciprocal rank)")
    for backend, figures in RELEVANCE_FIGURES.items():
        terminalreporter.write_line(
            f"{backend:<11} ours {figures['ours']:.3f}   plain Wagtail {figures['plain']:.3f}   "
            f"({figures['queries']} queries)"
        )
        for query, rank in figures["misses"].items():
            terminalreporter.write_line(f"    not first: {query} (1/rank {rank:.2f})")


def backend_name():
    """The engine that ranks: the cluster when one is configured, else the database."""
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    if "URLS" in backend:
        module = backend.get("WRAPPED_BACKEND", backend["BACKEND"])
        return "opensearch" if "opensearch" in module else "elasticsearch"
    return connection.vendor
