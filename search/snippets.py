"""Result snippets: a short passage around the first match, HTML-escaped, matches in <mark>."""

import html
import re

from django.utils.safestring import mark_safe

from .query import WordMatcher

SNIPPET_LENGTH = 240
LEAD = 60
# Rich text is HTML that the editor wrote, so a tag never holds a bare ">"; whatever is left,
# the snippet escapes.
TAG = re.compile(r"<[^>]*>")
# Keys of the body's raw data that hold ids, addresses and settings (a heading's level), not text.
NOT_TEXT = {"type", "id", "url", "link", "page", "document", "image", "level"}


def page_text(page):
    """The readable text of a page: its intro (plain text), then the text of its body blocks."""
    parts = [getattr(page, "intro", "") or page.search_description or ""]
    body = getattr(page, "body", None)
    if body is not None:
        parts.extend(html.unescape(TAG.sub(" ", text)) for text in _strings(body.raw_data))
    return " ".join(" ".join(parts).split())


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_TEXT:
                yield from _strings(item)
    elif hasattr(value, "__iter__"):  # lists and the stream's raw data view
        for item in value:
            yield from _strings(item)


def snippet(text, words):
    matcher = WordMatcher(words)
    start = next((found.start() for found in matcher.found_in(text)), None)
    begin = 0 if start is None or start < LEAD else text.rfind(" ", 0, start - LEAD) + 1
    passage = text[begin : begin + SNIPPET_LENGTH]
    if begin + SNIPPET_LENGTH < len(text):
        passage = passage[: passage.rfind(" ")] if " " in passage else passage
    prefix = "… " if begin else ""
    suffix = " …" if begin + len(passage) < len(text) else ""
    return mark_safe(prefix + _marked(passage, matcher) + suffix)  # noqa: S308 - escaped


def _marked(passage, matcher):
    """The passage HTML-escaped, with the matching words in <mark>."""
    pieces, done = [], 0
    for found in matcher.found_in(passage):
        pieces += [html.escape(passage[done : found.start()]), f"<mark>{html.escape(found[0])}</mark>"]
        done = found.end()
    pieces.append(html.escape(passage[done:]))
    return "".join(pieces)
