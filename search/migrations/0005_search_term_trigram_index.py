from django.db import migrations

from ._postgresql import index_on_postgresql

# Typo correction looks for known words that share trigrams with the misspelt one; without this
# index PostgreSQL compares every known word. Without fastupdate, new words go straight into the
# index instead of a pending list that every lookup reads until the next vacuum (8,000 words
# added at once made a lookup of 20 words take 90 ms).
INDEX = "search_searchterm_word_trigram"


class Migration(migrations.Migration):

    dependencies = [("search", "0004_index_entries_stored_inline")]

    operations = [
        index_on_postgresql(
            INDEX, "ON search_searchterm USING gin (word gin_trgm_ops) WITH (fastupdate = off)"
        )
    ]
