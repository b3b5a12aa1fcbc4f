from django.db import migrations

from ._postgresql import index_on_postgresql

# Wagtail's index entries name their page by `object_id`, a string, so a search joins them to
# pages on the page id cast to a string. Without an index on that cast, PostgreSQL reads every
# page to join even a handful of matches.
INDEX = "search_page_id_as_object_id"


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0002_search_term"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        index_on_postgresql(INDEX, "ON wagtailcore_page ((((id)::varchar(50))::text))")
    ]
