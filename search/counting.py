"""The total, the facet counts and the first results of a search, in one SQL statement whatever
the number of matches.

The candidate pages (what the query matches, and promoted pages) are selected once, as a common
table expression with one row per page: its id, title and type, the keys it is ordered by (the
backend's rank, or a date), and whether it passes each active filter. Branches joined with
UNION ALL then count the candidates, each grouped by a few facts and by those pass flags:

- one branch counts the types;
- one branch per page type joins that type's candidates to its own table and counts the
  combinations of its single-valued facts (kind, school type flags, a region or theme through a
  foreign key);
- one branch per many-to-many relation (themes, the regions of articles) counts the related
  codes of that type's candidates.

Python then adds up, per facet, the groups that pass every active filter except the facet's own.
One more branch reads the ids and titles of the first candidates that pass every filter, in
order, each with its position.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, OrderBy

from .sources import FACETS, pages_with

CANDIDATES = "search_candidates"
HEAD = "head"  # the branch that reads the first candidates in order, beside the counting parts


@dataclass
class Counts:
    total: int  # the candidates that pass every filter
    facets: dict  # facet name → Counter of codes
    head: list = field(default_factory=list)  # (id, title) of the first, in the order asked


@dataclass
class Part:
    """A counting branch: rows of (name, count, pass flags, one code per facet in `facets`)."""

    name: str
    facets: list
    sql: str  # selects the count, the pass flags and the codes, in that order
    params: list


def count_matches(candidates, filters, sources, order=(), head=0):
    """Count the `candidates` (a Page queryset) that pass `filters`, and per facet their codes;
    with `order` (the candidates' ordering, as in QuerySet.order_by) also read the ids and
    titles of the first `head` of them, so that the match is evaluated once for the page and
    the counts."""
    counts = Counts(0, {facet: Counter() for facet in FACETS})
    passes = {  # whether a candidate passes each active filter, decided once
        f"passes_{facet}": ExpressionWrapper(pages_with(facet, code, sources), output_field=BooleanField())
        for facet, code in filters.items()
    }
    sort_keys = {f"sort_{number}": key for number, key in enumerate(map(_order_by, order))}
    try:
        candidates_sql, candidates_params = (
            candidates.order_by()
            .annotate(**passes, **{name: key.expression for name, key in sort_keys.items()})
            .values_list("pk", "title", "content_type_id", *passes, *sort_keys)
            .query.sql_with_params()
        )
    except EmptyResultSet:  # nothing can match
        return counts
    kept = {
        content_type: source
        for content_type, source in sources.items()
        if filters.get("type", source.type_code) == source.type_code
    }
    flags = list(passes)
    parts = [_type_part(kept, flags)] + [
        part for source in kept.values() for part in _source_parts(source, flags)
    ]
    width = max(len(part.facets) for part in parts)
    branches = [_branch(part, width) for part in parts]
    if sort_keys and head:
        branches.append(_head_branch(sort_keys, flags, width, head))
    names = ", ".join(["type", *passes, *sort_keys])
    sql = f"WITH {CANDIDATES} (id, title, {names}) AS ({candidates_sql}) " + " UNION ALL ".join(
        branch_sql for branch_sql, _params in branches
    )
    params = [*candidates_params, *(param for _sql, params in branches for param in params)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        _add_up(cursor.fetchall(), parts, filters, counts)
    return counts


def _add_up(rows, parts, filters, counts):
    """Fill `counts` from the statement's rows: per facet, the groups that pass every active
    filter except the facet's own; the head in order."""
    facets_of = {part.name: part.facets for part in parts}
    positions = {}
    for name, count, *rest, title in rows:
        flags, codes = rest[: len(filters)], rest[len(filters) :]
        if name == HEAD:
            positions[int(codes[0]), title] = count
            continue
        failed = {facet for facet, passed in zip(filters, flags, strict=True) if not passed}
        for facet, code in zip(facets_of[name], codes, strict=False):  # codes has padding
            if code is not None and failed <= {facet}:
                counts.facets[facet][code] += count
    counts.total = _total(counts.facets["type"], filters)
    counts.head = sorted(positions, key=positions.get)


def _order_by(key):
    """An ordering as QuerySet.order_by takes it ("-pk", F("rank").desc(), an expression)."""
    if isinstance(key, str):
        return OrderBy(F(key.lstrip("-")), descending=key.startswith("-"))
    return key if isinstance(key, OrderBy) else OrderBy(key)


def _branch(part, width):
    """A counting part in the statement's columns: its name, its count, flags and codes, and
    NULL for the codes it has fewer of than the widest part and for the title."""
    padding = ", NULL" * (width - len(part.facets))
    return (f"SELECT %s, counted.*{padding}, NULL FROM ({part.sql}) AS counted", [part.name, *part.params])


def _head_branch(sort_keys, passes, width, size):
    """The ids and titles of the first `size` candidates that pass every filter, each with its
    position, in the counting parts' columns: position as the count, the id as the first code."""
    order = ", ".join(
        f"{name} {'DESC' if key.descending else 'ASC'}"
        + (" NULLS LAST" if key.nulls_last else " NULLS FIRST" if key.nulls_first else "")
        for name, key in sort_keys.items()
    )
    where = " WHERE " + " AND ".join(passes) if passes else ""
    return (
        f"SELECT %s, ROW_NUMBER() OVER (ORDER BY {order}){', NULL' * len(passes)}, "
        f"CAST(id AS TEXT){', NULL' * (width - 1)}, title FROM "
        f"(SELECT * FROM {CANDIDATES}{where} ORDER BY {order} LIMIT %s) AS {HEAD}",
        [HEAD, size],
    )


def _type_part(sources, passes):
    """The number of candidates of each page type."""
    cases = " ".join("WHEN %s THEN %s" for _source in sources)
    return Part(
        "type",
        ["type"],
        _counted([f"CASE type {cases} END"], ["type"], CANDIDATES, passes),
        [value for content_type, source in sources.items() for value in (content_type, source.type_code)],
    )


def _source_parts(source, passes):
    """The counting parts of one page type. Joining its candidates to its own table, or to a
    relation of its own, leaves only candidates of that type."""
    own = [_own_facts_part(source, passes)] if source.row_facts else []
    return own + [_related_part(source, facet, lookup, passes) for facet, lookup in source.related_facts]


def _own_facts_part(source, passes):
    """The number of one page type's candidates per combination of the facts in its own row
    (and behind its foreign keys)."""
    meta = source.model._meta
    row = _quote(meta.db_table)
    joins, codes, groups, params = [], [], [], []
    for _facet, lookup, flag_code in source.row_facts:
        name, _, code_field = lookup.partition("__")
        field = meta.get_field(name)
        column = f"{row}.{_quote(field.column)}"
        if flag_code is not None:
            codes.append(f"CASE WHEN {column} THEN %s END")
            params.append(flag_code)
            groups.append(column)
        elif code_field:
            target = field.related_model._meta
            alias = _quote(f"{name}_target")
            joins.append(
                f" LEFT JOIN {_quote(target.db_table)} {alias} "
                f"ON {alias}.{_quote(target.pk.column)} = {column}"
            )
            codes.append(f"{alias}.{_quote(target.get_field(code_field).column)}")
            groups.append(codes[-1])
        else:
            codes.append(column)
            groups.append(column)
    rows = f"{CANDIDATES} JOIN {row} ON {row}.{_quote(meta.pk.column)} = {CANDIDATES}.id" + "".join(joins)
    return Part(
        source.type_code,
        [facet for facet, _lookup, _code in source.row_facts],
        _counted(codes, groups, rows, passes),
        params,
    )


def _related_part(source, facet, lookup, passes):
    """The number of one page type's candidates per code of a many-to-many relation: counted
    per related id first, so that only those few rows are joined to their codes."""
    relation, code_field = lookup.split("__", 1)
    field = source.model._meta.get_field(relation)
    target = field.related_model._meta
    links, codes = _quote(field.m2m_db_table()), _quote(target.db_table)
    target_id = f"{links}.{_quote(field.m2m_reverse_name())}"
    per_id = _counted(
        [f"{target_id} AS target_id"],
        [target_id],
        f"{CANDIDATES} JOIN {links} ON {links}.{_quote(field.m2m_column_name())} = {CANDIDATES}.id",
        passes,
    )
    flags = "".join(f", per_id.{name}" for name in passes)
    return Part(
        f"{source.type_code} {facet}",
        [facet],
        f"SELECT per_id.number{flags}, {codes}.{_quote(target.get_field(code_field).column)} "
        f"FROM ({per_id}) AS per_id JOIN {codes} ON {codes}.{_quote(target.pk.column)} = "
        "per_id.target_id",
        [],
    )


def _counted(codes, groups, rows, passes):
    """SELECT the count, the pass flags and the codes of `rows`, grouped by `groups` and the
    flags."""
    flags = [f"{CANDIDATES}.{name}" for name in passes]
    return (
        f"SELECT COUNT(*) AS number, {', '.join([*flags, *codes])} FROM {rows} "
        f"GROUP BY {', '.join([*groups, *flags])}"
    )


def _quote(name):
    return connection.ops.quote_name(name)


def _total(type_counts, filters):
    """Every page has one type, and the type facet counts under every other filter."""
    if "type" in filters:
        return type_counts[filters["type"]]
    return sum(type_counts.values())
