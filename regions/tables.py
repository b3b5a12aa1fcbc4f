"""Tables described in Python, each rendered as a page section by
`regions/includes/photo_table.html`."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    """A cell: its text (line breaks kept), linked when `url` is given, with a `note` below it;
    or, given `relevance`, whether that item matters for pro/vso and why."""

    text: str = ""
    url: str = ""
    note: str = ""
    relevance: object = None


@dataclass(frozen=True)
class Table:
    """A section with one table; the first cell of each row heads the row. Without rows the
    section shows `empty`."""

    anchor: str
    heading: str
    caption: str
    columns: list
    rows: list
    empty: str


def table_of(items, anchor, heading, caption, empty):
    """The table of `items`, whose model names the columns (`table_columns`) and gives each
    item's cells (`table_row()`)."""
    rows = [item.table_row() for item in items]
    return Table(anchor, heading, caption, items.model.table_columns, rows, empty)
