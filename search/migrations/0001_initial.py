import django.utils.timezone
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from ._postgresql import index_on_postgresql, on_postgresql

# Wagtail's index entries name their page by `object_id`, a string, so a search joins them to
# pages on the page id cast to a string. Without an index on that cast, PostgreSQL reads every
# page to join even a handful of matches.
PAGE_ID_AS_OBJECT_ID = "search_page_id_as_object_id"

# PostgreSQL moves a row's longest values out of line once the row passes 2 kB, and Wagtail's
# index entries pass it with the page text beside the vectors: the body vector lands in the
# TOAST table, so matching and ranking a common word fetch it from there for every page, which
# costs several times the match itself. Kept in the row (storage MAIN), the vectors are read
# with it; the plain text columns, which a search does not read, still move out.
INDEX_ENTRIES = "wagtailsearch_indexentry"
VECTORS = ("autocomplete", "title", "body")

# Typo correction looks for known words that share trigrams with the misspelt one; without this
# index PostgreSQL compares every known word. Without fastupdate, new words go straight into the
# index instead of a pending list that every lookup reads until the next vacuum (8,000 words
# added at once made a lookup of 20 words take 90 ms).
SEARCH_TERM_TRIGRAMS = "search_searchterm_word_trigram"

# Every search joins its matches to the live pages and checks their locale, type and privacy
# (the tree path), then reads their titles. From this index PostgreSQL reads those columns of
# all live pages without visiting the page rows (2 ms of a 25 ms search for a word on half of
# 10,000 pages).
LIVE_PAGES = "search_live_pages"


def store_vectors(storage):
    return [
        f"ALTER TABLE {INDEX_ENTRIES} "
        + ", ".join(f"ALTER COLUMN {column} SET STORAGE {storage}" for column in VECTORS),
        # Storage applies to values written from now on: write the existing ones anew.
        f"UPDATE {INDEX_ENTRIES} SET "
        + ", ".join(f"{column} = {column} || ''::tsvector" for column in VECTORS),
    ]


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("wagtailcore", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="UnansweredQuery",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("query_string", models.CharField(max_length=255, unique=True, verbose_name="zoekvraag")),
                ("hits", models.PositiveIntegerField(default=0, verbose_name="aantal keer gezocht")),
                ("last_searched_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="laatst gezocht")),
            ],
            options={
                "verbose_name": "zoekvraag zonder resultaten",
                "verbose_name_plural": "zoekvragen zonder resultaten",
                "ordering": ["-hits", "-last_searched_at"],
            },
        ),
        # pg_trgm for typo correction on PostgreSQL; does nothing on other databases.
        TrigramExtension(),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=40, unique=True, verbose_name="woord")),
            ],
            options={
                "verbose_name": "zoekterm",
                "verbose_name_plural": "zoektermen",
            },
        ),
        index_on_postgresql(PAGE_ID_AS_OBJECT_ID, "ON wagtailcore_page ((((id)::varchar(50))::text))"),
        on_postgresql(store_vectors("MAIN"), store_vectors("EXTENDED")),
        index_on_postgresql(
            SEARCH_TERM_TRIGRAMS, "ON search_searchterm USING gin (word gin_trgm_ops) WITH (fastupdate = off)"
        ),
        index_on_postgresql(
            LIVE_PAGES,
            "ON wagtailcore_page (id) INCLUDE (content_type_id, locale_id, path, depth, title) "
            "WHERE live",
        ),
    ]
