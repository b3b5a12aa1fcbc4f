"""Migration steps that only PostgreSQL takes (its index types and storage settings); other
databases skip them. Django's migration loader ignores this module: its name starts with _."""

from django.db import migrations


def on_postgresql(forward, backward):
    """An operation that runs the SQL statements `forward` (and, reversed, `backward`) on
    PostgreSQL only."""
    return migrations.RunPython(_statements(forward), _statements(backward))


def index_on_postgresql(name, definition):
    """An index that only PostgreSQL gets: `CREATE INDEX name definition`, dropped on the way
    back."""
    return on_postgresql(
        [f"CREATE INDEX IF NOT EXISTS {name} {definition}"], [f"DROP INDEX IF EXISTS {name}"]
    )


def _statements(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run
