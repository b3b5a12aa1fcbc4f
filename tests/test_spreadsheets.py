"""Spreadsheet exports never carry a formula: a cell that a spreadsheet program would evaluate
(`=`, `+`, `-`, `@`, a tab or a carriage return first) starts with a single quote instead."""

import io

import pytest

from core.spreadsheets import csv_writer, safe_cell


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("http://x.test")', '\'=HYPERLINK("http://x.test")'),
        ("+31 6 12345678", "'+31 6 12345678"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Praktijkschool = leerwerkplaats", "Praktijkschool = leerwerkplaats"),
        ("", ""),
        (-3, -3),
        (2.5, 2.5),
        (None, None),
    ],
)
def test_a_cell_that_would_be_a_formula_starts_with_a_quote(value, expected):
    assert safe_cell(value) == expected


def test_the_csv_writer_neutralises_every_cell():
    stream = io.StringIO()
    csv_writer(stream).writerow(["=1+1", "gewoon", 4])
    assert stream.getvalue() == "'=1+1,gewoon,4\r\n"
