"""The total, the facet counts and the first results of a search, in one SQL statement whatever
the number of matches.

The candidate pages (what the query matches, and promoted pages) are selected once, as a common
table expression with one row per page that also holds the keys it is ordered by (the backend's
rank, or a date), the page's type and the facet codes its own row or a foreign key gives (kind,
region, theme, school type flags). Each facet counts the candidates under every active filter
except its own (whether a candidate passes each filter is also decided once, in the expression),
in branches joined with UNION ALL: those codes are grouped straight from the expression, without
touching the page tables again; codes in many-to-many relations (themes, the regions of
articles) are grouped by joining the relation. One more branch reads the ids and titles of the
first candidates that pass every filter, in order, each with its position.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, OrderBy

from .sources import FACETS, pages_with

CANDIDATES = "search_candidates"
HEAD = "head"  # the branch that reads the first candidates in order, beside the facet names


@dataclass
class Counts:
    total: int  # the candidates that pass every filter
    facets: dict  # facet name → Counter of codes
    head: list = field(default_factory=list)  # (id, title) of the first, in the order asked


def count_matches(candidates, filters, sources, order=(), head=0):
    """Count the `candidates` (a Page queryset) that pass `filters`, and per facet their codes;
    with `order` (the candidates' ordering, as in QuerySet.order_by) also read the ids and
    titles of the first `head` of them, so that the match is evaluated once for the page and
    the counts."""
    counts = Counts(0, {facet: Counter() for facet in FACETS})
    row_facts = [("type", "content_type_id", None)] + [
        fact for source in _kept(sources, filters) for fact in source.row_facts
    ]
    passes = {  # whether a candidate passes each active filter, decided once
        f"passes_{facet}": ExpressionWrapper(
            pages_with(facet, code, sources), output_field=BooleanField()
        )
        for facet, code in filters.items()
    }
    sort_keys = {f"sort_{number}": key for number, key in enumerate(map(_order_by, order))}
    try:
        candidates_sql, candidates_params = (
            candidates.order_by()
            .annotate(**passes, **{name: key.expression for name, key in sort_keys.items()})
            .values_list("pk", "title", *passes, *sort_keys,
                         *(lookup for _facet, lookup, _code in row_facts))
            .query.sql_with_params()
        )
    except EmptyResultSet:  # nothing can match
        return counts
    columns = [f"fact_{number}" for number in range(len(row_facts))]
    branches = [
        _row_branch(facet, column, code, _others(filters, facet))
        for (facet, _lookup, code), column in zip(row_facts, columns, strict=True)
    ] + [
        _related_branch(source, facet, lookup, _others(filters, facet))
        for source in _kept(sources, filters) for facet, lookup in source.related_facts
    ]
    if sort_keys and head:
        branches.append(_head_branch(sort_keys, _others(filters), head))
    names = ", ".join([*passes, *sort_keys, *columns])
    sql = (f"WITH {CANDIDATES} (id, title, {names}) AS ({candidates_sql}) "
           + " UNION ALL ".join(branch_sql for branch_sql, _params in branches))
    params = [*candidates_params, *(param for _sql, params in branches for param in params)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    positions = {}
    for facet, code, count, title in rows:
        if facet == HEAD:
            positions[int(code), title] = count
        elif facet == "type":
            counts.facets[facet][sources[int(code)].type_code] += count
        else:
            counts.facets[facet][code] += count
    counts.total = _total(counts.facets["type"], filters)
    counts.head = sorted(positions, key=positions.get)
    return counts


def _order_by(key):
    """An ordering as QuerySet.order_by takes it ("-pk", F("rank").desc(), an expression)."""
    if isinstance(key, str):
        return OrderBy(F(key.lstrip("-")), descending=key.startswith("-"))
    return key if isinstance(key, OrderBy) else OrderBy(key)


def _head_branch(sort_keys, conditions, size):
    """The ids and titles of the first `size` candidates that pass every filter, each with its
    position; the facet branches have no title."""
    order = ", ".join(
        f"{name} {'DESC' if key.descending else 'ASC'}"
        + (" NULLS LAST" if key.nulls_last else " NULLS FIRST" if key.nulls_first else "")
        for name, key in sort_keys.items()
    )
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    return (
        f"SELECT %s, CAST(id AS TEXT), ROW_NUMBER() OVER (ORDER BY {order}), title FROM "
        f"(SELECT * FROM {CANDIDATES}{where} ORDER BY {order} LIMIT %s) AS {HEAD}",
        [HEAD, size],
    )


def _kept(sources, filters):
    """The page types whose pages a type filter leaves."""
    return [source for source in sources.values()
            if filters.get("type", source.type_code) == source.type_code]


def _total(type_counts, filters):
    """Every page has one type, and the type facet counts under every other filter."""
    if "type" in filters:
        return type_counts[filters["type"]]
    return sum(type_counts.values())


def _others(filters, facet=None):
    """Conditions on the candidates: they pass every active filter except the one on `facet`."""
    return [f"passes_{other}" for other in filters if other != facet]


def _row_branch(facet, column, code, others):
    """Counts of a column of the candidates: per value, or of the rows where a flag is set."""
    if code is None:
        where = " AND ".join([f"{column} IS NOT NULL", *others])
        return (
            f"SELECT %s, CAST({column} AS TEXT), COUNT(*), NULL FROM {CANDIDATES} "
            f"WHERE {where} GROUP BY {column}",
            [facet],
        )
    where = " AND ".join([f"{column} = %s", *others])
    return f"SELECT %s, %s, COUNT(*), NULL FROM {CANDIDATES} WHERE {where}", [facet, code, True]


def _related_branch(source, facet, lookup, others):
    """Counts per code of a many-to-many relation of one page type's candidates, joining the
    candidates to the relation's table (each candidate is one row, so no semi-join is needed)."""
    relation, code_field = lookup.split("__", 1)
    field = source.model._meta.get_field(relation)
    target = field.related_model._meta
    quote = connection.ops.quote_name
    links, codes = quote(field.m2m_db_table()), quote(target.db_table)
    code = f"{codes}.{quote(target.get_field(code_field).column)}"
    where = " WHERE " + " AND ".join(others) if others else ""
    return (
        f"SELECT %s, {code}, COUNT(*), NULL "
        f"FROM {CANDIDATES} JOIN {links} ON {links}.{quote(field.m2m_column_name())} = "
        f"{CANDIDATES}.id JOIN {codes} ON {codes}.{quote(target.pk.column)} = "
        f"{links}.{quote(field.m2m_reverse_name())}{where} GROUP BY {code}",
        [facet],
    )
