"""Spreadsheet exports without formulas. A spreadsheet program evaluates a cell that starts with
`=`, `+`, `-` or `@` (or a tab or carriage return before one), so a value someone typed (a search
query, a school's name) could run a formula on the computer of whoever opens the export. Such a
cell starts with a single quote instead, which the program shows as text.

Every CSV export goes through here: `csv_writer` for the project's own files, and Wagtail's
spreadsheet exports (snippet listings, reports, Wagtail's own reports too) through
`protect_wagtail_exports`, called once at start-up. XLSX exports need nothing: Wagtail already
stores a value that looks like a formula as text there."""

import csv

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value, with a single quote in front when it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer whose cells pass through `safe_cell`."""

    def __init__(self, stream, **options):
        self.writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self.writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(stream, **options):
    return SafeWriter(stream, **options)


def protect_wagtail_exports():
    """Route the CSV cells of every Wagtail spreadsheet export through `safe_cell`."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    convert = SpreadsheetExportMixin.preprocess_field_value
    if getattr(convert, "safe_cells", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        converted = convert(self, field, value, export_format)
        return safe_cell(converted) if export_format == self.FORMAT_CSV else converted

    preprocess_field_value.safe_cells = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
