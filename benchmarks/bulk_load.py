"""Loads a large corpus fast, for benchmarks only.

`import_articles` creates each page through Wagtail's publishing path (a page, a revision, a
publish, search and reference index updates): right for real imports, but tens of milliseconds
a page. This loader checks and cleans the lines with the same importer, then writes the same page
rows in bulk: tree paths, the article rows, their themes and regions. Pages get no revisions.
The search index is then built with the configured backend's own indexing, as `update_index` does.
"""

import datetime
import json
import uuid
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from knowledge.importers.articles import ArticleImporter
from knowledge.models import ArticlePage

BATCH_SIZE = 2000


def children_of(parent):
    """The children by path (treebeard's get_children trusts numchild, which bulk inserts skip)."""
    return Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)


def batched(items, size):
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class BulkArticleLoader:
    def __init__(self):
        self.importer = ArticleImporter()
        self.content_type = ContentType.objects.get_for_model(ArticlePage)
        self.next_step = {}
        self.index = get_search_backend().get_index_for_model(ArticlePage)

    def load(self, articles):
        """Insert the articles (dicts in the import format) and index them; return the count."""
        loaded = 0
        for batch in batched(articles, BATCH_SIZE):
            records = self.importer.read(json.dumps(article) for article in batch)
            existing = self.importer.existing_articles([record.slug for record in records])
            if existing:
                raise ValueError(f"Already loaded: {', '.join(sorted(existing)[:5])}")
            with transaction.atomic():
                page_ids = self.insert(records)
                self.add_to_index(page_ids)
            loaded += len(records)
        self.update_parents()
        call_command("update_search_terms", verbosity=0)  # the vocabulary of published words
        with connection.cursor() as cursor:
            # As autovacuum leaves a database at rest: statistics, and a visibility map that
            # lets index-only scans skip the table.
            cursor.execute("VACUUM ANALYZE")
        return loaded

    def insert(self, records):
        articles = [self.article(record) for record in records]
        page_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
        pages = Page.objects.bulk_create(
            [Page(**{name: getattr(article, name) for name in page_fields}) for article in articles]
        )
        for page, article in zip(pages, articles, strict=True):
            article.page_ptr_id = article.id = page.pk
        local_fields = ArticlePage._meta.local_concrete_fields
        ArticlePage._base_manager._insert(articles, fields=local_fields, using=connection.alias)
        for relation, lookup in (("themes", self.importer.themes), ("regions", self.importer.regions)):
            field = ArticlePage._meta.get_field(relation)
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            through.objects.bulk_create(
                [
                    through(**{f"{source}_id": article.pk, f"{target}_id": lookup[code].pk})
                    for article, record in zip(articles, records, strict=True)
                    for code in getattr(record, relation)
                ]
            )
        return [article.pk for article in articles]

    def article(self, record):
        parent = self.importer.parent_for(record)
        if parent.pk not in self.next_step:
            last_path = children_of(parent).order_by("-path").values_list("path", flat=True).first()
            self.next_step[parent.pk] = Page._str2int(last_path[-Page.steplen :]) if last_path else 0
        step = self.next_step[parent.pk] + 1
        self.next_step[parent.pk] = step
        published = timezone.make_aware(datetime.datetime.combine(record.date, datetime.time(9)))
        page = ArticlePage(
            slug=record.slug,
            content_type=self.content_type,
            locale_id=self.importer.locale.pk,
            translation_key=uuid.uuid4(),
            path=Page._get_path(parent.path, parent.depth + 1, step),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{record.slug}/",
            live=record.live,
            has_unpublished_changes=not record.live,
            first_published_at=published if record.live else None,
            last_published_at=published if record.live else None,
        )
        self.importer.fill(page, record)
        page.draft_title = page.title
        return page

    def add_to_index(self, page_ids):
        pages = (
            ArticlePage.get_indexed_objects()
            .filter(pk__in=page_ids)
            .prefetch_related("themes", "regions")
            .order_by("pk")
        )
        self.index.add_items(ArticlePage, list(pages))

    def update_parents(self):
        for parent in Page.objects.filter(pk__in=list(self.next_step)):
            Page.objects.filter(pk=parent.pk).update(numchild=children_of(parent).count())
