from django.db import migrations

# Typo correction looks for known words that share trigrams with the misspelt one; without this
# index PostgreSQL compares every known word.
INDEX = "search_searchterm_word_trigram"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_searchterm USING gin (word gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):

    dependencies = [("search", "0004_index_entries_stored_inline")]

    operations = [migrations.RunPython(create_index, drop_index)]
