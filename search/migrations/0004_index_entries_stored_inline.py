from django.db import migrations

from ._postgresql import on_postgresql

# PostgreSQL moves a row's longest values out of line once the row passes 2 kB, and Wagtail's
# index entries pass it with the page text beside the vectors: the body vector lands in the
# TOAST table, so matching and ranking a common word fetch it from there for every page, which
# costs several times the match itself. Kept in the row (storage MAIN), the vectors are read
# with it; the plain text columns, which a search does not read, still move out.
TABLE = "wagtailsearch_indexentry"
VECTORS = ("autocomplete", "title", "body")


def store_vectors(storage):
    return [
        f"ALTER TABLE {TABLE} "
        + ", ".join(f"ALTER COLUMN {column} SET STORAGE {storage}" for column in VECTORS),
        # Storage applies to values written from now on: write the existing ones anew.
        f"UPDATE {TABLE} SET "
        + ", ".join(f"{column} = {column} || ''::tsvector" for column in VECTORS),
    ]


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0003_page_id_as_object_id_index"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [on_postgresql(store_vectors("MAIN"), store_vectors("EXTENDED"))]
