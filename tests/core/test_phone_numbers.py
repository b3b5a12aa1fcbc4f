"""Telephone numbers read the Dutch way and dial from a phone (tel: in international form)."""

import pytest
from django.template import Context, Template

from core.phone_numbers import dutch_phone_number


@pytest.mark.parametrize(
    ("given", "shown", "href"),
    [
        ("0101234567", "010 123 4567", "tel:+31101234567"),
        ("030 123 45 67", "030 123 4567", "tel:+31301234567"),
        ("+31 (0)30-1234567".replace("(0)", ""), "030 123 4567", "tel:+31301234567"),
        ("0031 20 1234567", "020 123 4567", "tel:+31201234567"),
        ("0612345678", "06 12345678", "tel:+31612345678"),
        ("06-12 34 56 78", "06 12345678", "tel:+31612345678"),
        ("0172123456", "0172 123 456", "tel:+31172123456"),
        ("088-1234567", "088 123 4567", "tel:+31881234567"),
        ("08001234", "0800 1234", "tel:+318001234"),
    ],
)
def test_dutch_numbers_are_grouped_as_people_read_them(given, shown, href):
    number = dutch_phone_number(given)
    assert (number.text, number.href) == (shown, href)


def test_numbers_that_are_not_dutch_or_not_numbers_are_shown_as_given():
    assert dutch_phone_number("+32 2 123 45 67").text == "+32 2 123 45 67"
    assert dutch_phone_number("+32 2 123 45 67").href == "tel:+3221234567"
    assert dutch_phone_number("012345").text == "012345"  # too short to group
    assert dutch_phone_number("bel de receptie").href == ""


def test_the_template_filter_links_the_formatted_number_and_escapes_the_rest():
    template = Template("{% load site_tags %}{{ number|phone_link }}")
    assert template.render(Context({"number": "0101234567"})) == '<a href="tel:+31101234567">010 123 4567</a>'
    assert template.render(Context({"number": "<b>kantoor</b>"})) == "&lt;b&gt;kantoor&lt;/b&gt;"
