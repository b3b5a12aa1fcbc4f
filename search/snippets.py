"""Result snippets: a short passage around the first match, HTML-escaped, matches in <mark>."""

import html
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from .query import word_matcher

SNIPPET_LENGTH = 240
LEAD = 60
WORD_OR_GAP = re.compile(r"([^\W_]+)")


def page_text(page):
    """The readable text of a page: its intro (plain text), then the text of its body blocks."""
    parts = [getattr(page, "intro", "") or page.search_description or ""]
    body = getattr(page, "body", None)
    if body is not None:
        parts.extend(html.unescape(strip_tags(text)) for text in _strings(body.raw_data))
    return " ".join(" ".join(parts).split())


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("type", "id", "url", "link", "page", "document", "image"):
                yield from _strings(item)
    elif hasattr(value, "__iter__"):  # lists and the stream's raw data view
        for item in value:
            yield from _strings(item)


def snippet(text, words):
    matches = word_matcher(words)
    pieces = WORD_OR_GAP.split(text)
    offset, start = 0, None
    for index, piece in enumerate(pieces):
        if index % 2 and matches(piece):
            start = offset
            break
        offset += len(piece)
    begin = 0 if start is None or start < LEAD else text.rfind(" ", 0, start - LEAD) + 1
    passage = text[begin: begin + SNIPPET_LENGTH]
    if begin + SNIPPET_LENGTH < len(text):
        passage = passage[: passage.rfind(" ")] if " " in passage else passage
    marked = "".join(
        f"<mark>{escape(piece)}</mark>" if index % 2 and matches(piece) else escape(piece)
        for index, piece in enumerate(WORD_OR_GAP.split(passage))
    )
    prefix = "… " if begin else ""
    suffix = " …" if begin + len(passage) < len(text) else ""
    return mark_safe(prefix + marked + suffix)  # noqa: S308 - every piece is escaped above
