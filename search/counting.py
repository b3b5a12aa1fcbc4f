"""The total and the facet counts of a search, in one SQL statement whatever the number of matches.

The candidate pages (what the query matches, and promoted pages) are selected once, as a common
table expression that every part of the statement reads. Each facet counts them under every
active filter except its own: one grouped branch per page type that carries the facet, all
joined with UNION ALL.
"""

from collections import Counter

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import CharField, Count, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from wagtail.models import Page

from .sources import FACETS, passing

CANDIDATES = "search_candidates"


def count_matches(candidates, filters, sources):
    """The number of `candidates` (a Page queryset) that pass `filters`, and per facet a
    Counter of codes."""
    facets = {facet: Counter() for facet in FACETS}
    try:
        candidates_sql, candidates_params = (
            candidates.order_by().values("pk").query.sql_with_params()
        )
    except EmptyResultSet:  # nothing can match
        return 0, facets
    branches = _branches(filters, sources)
    sql, params = branches[0].union(*branches[1:], all=True).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH {CANDIDATES} (id) AS ({candidates_sql}) {sql}",
            (*candidates_params, *params),
        )
        rows = cursor.fetchall()
    for facet, code, count in rows:
        if facet == "type":
            code = sources[int(code)].type_code
        facets[facet][code] += count
    return _total(facets["type"], filters), facets


def _total(type_counts, filters):
    """Every page has one type, and the type facet counts under every other filter."""
    if "type" in filters:
        return type_counts[filters["type"]]
    return sum(type_counts.values())


def _branches(filters, sources):
    def candidate(model, condition):
        return model.objects.filter(condition, pk__in=RawSQL(f"SELECT id FROM {CANDIDATES}", ()))

    branches = []
    for facet in FACETS:
        others = passing(filters, sources, except_facet=facet)
        if facet == "type":
            content_type = Cast("content_type_id", CharField())
            branches.append(_counted(candidate(Page, others), facet, content_type))
        for source in sources.values():
            if filters.get("type", source.type_code) != source.type_code:
                continue  # the type filter leaves none of this type's pages
            for code, condition in source.codes(facet):
                branches.append(_counted(candidate(source.model, others & condition), facet, code))
    return branches


def _counted(pages, facet, code):
    return (
        pages.annotate(facet_name=Value(facet), facet_code=code)
        .values("facet_name", "facet_code")
        .annotate(matches=Count("pk"))
        .order_by()
    )
