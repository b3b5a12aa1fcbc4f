"""The words of public pages: the basis for word forms, compounds and typo correction.

A published page that the public may see adds the words of its search fields
(`record_page_words`, on Wagtail's `page_published` signal); `manage.py update_search_terms`
adds the words of every live public page, for content that arrived without publishing. Words of
pages that later go offline stay: they can only add an alternative to a query, and results are
always limited to live, public pages.
"""

import difflib
import re

from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import F, Manager
from django.db.models.functions import Length
from wagtail.search.index import RelatedFields, SearchField

from core.bulk import per_batch

from .models import SearchTerm

WORD = re.compile(r"[^\W\d_]{3,40}")
TRIGRAM_THRESHOLD = 0.5  # pg_trgm similarity; "werkgevrs" ~ "werkgevers" is 0.61
DIFFLIB_CUTOFF = 0.8


def words_of(page):
    return {word.lower() for text in _texts(page, page.get_search_fields()) for word in WORD.findall(text)}


def _texts(obj, fields):
    for field in fields:
        if isinstance(field, SearchField):
            value = field.get_value(obj)
            yield from (value if isinstance(value, list) else [str(value or "")])
        elif isinstance(field, RelatedFields):
            for item in _related(field.get_value(obj)):
                yield from _texts(item, field.fields)


def _related(value):
    if isinstance(value, Manager):
        return list(value.all())
    return [] if value is None else [value]


def add_words(words):
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=word) for word in words], ignore_conflicts=True, batch_size=500
    )


def record_page_words(sender, instance, **kwargs):
    """Signal receiver for page_published (inside a `core.bulk.batch()`, once for all its pages)."""
    per_batch(record_words_of_pages, instance)


def record_words_of_pages(pages):
    add_words(
        {word for page in pages if not page.get_view_restrictions().exists() for word in words_of(page)}
    )


def known(words):
    """Which of these words occur in public content."""
    return set(SearchTerm.objects.filter(word__in=set(words)).values_list("word", flat=True))


def closest(term, limit=2):
    """Known words most like `term` (a misspelling), most alike first: by PostgreSQL trigram
    similarity, or on other databases by difflib over known words of about the same length."""
    if connection.vendor == "postgresql":
        return list(
            SearchTerm.objects.annotate(similarity=TrigramSimilarity("word", term))
            # % (similarity of at least pg_trgm's 0.3) lets the trigram index find candidates
            .filter(TrigramSimilar(F("word"), term), similarity__gte=TRIGRAM_THRESHOLD)
            .order_by("-similarity", "word")
            .values_list("word", flat=True)[:limit]
        )
    candidates = (
        SearchTerm.objects.annotate(length=Length("word"))
        .filter(length__range=(len(term) - 2, len(term) + 2))
        .values_list("word", flat=True)
    )
    return difflib.get_close_matches(term, list(candidates), n=limit, cutoff=DIFFLIB_CUTOFF)
