from django.db import migrations

# Wagtail's index entries name their page by `object_id`, a string, so a search joins them to
# pages on the page id cast to a string. Without an index on that cast, PostgreSQL reads every
# page to join even a handful of matches.
INDEX = "search_page_id_as_object_id"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} "
            "ON wagtailcore_page ((((id)::varchar(50))::text))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0002_search_term"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
