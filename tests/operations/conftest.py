import uuid
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from psycopg import sql

from .services import Site, build_demo_site, manage, site_environment


class Databases:
    """Databases of the operations tests' own, beside the suite's: new databases on the PostgreSQL
    server the suite runs on, or SQLite files."""

    def __init__(self, folder):
        self.folder = folder
        self.server = settings.DATABASES["default"]
        self.created = []

    def new(self, role):
        if self.server["ENGINE"] != "django.db.backends.postgresql":
            return f"sqlite:///{self.folder / role}.sqlite3"
        name = f"vsopro_operations_{role}_{uuid.uuid4().hex[:8]}"
        self.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self.created.append(name)
        user, password = quote(self.server["USER"]), quote(self.server["PASSWORD"])
        return f"postgres://{user}:{password}@{self.server['HOST']}:{self.server['PORT']}/{name}"

    def drop_all(self):
        for name in self.created:
            self.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def execute(self, statement):
        server = self.server
        with psycopg.connect(
            host=server["HOST"],
            port=server["PORT"],
            user=server["USER"],
            password=server["PASSWORD"],
            dbname="postgres",
            autocommit=True,
            connect_timeout=10,
        ) as connection:
            connection.execute(statement)


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    databases = Databases(tmp_path_factory.mktemp("databases"))
    yield databases
    databases.drop_all()


@pytest.fixture(scope="session")
def demo_site(databases, tmp_path_factory):
    """The environment of a site in a database and folder of its own, holding the demo with images,
    documents, drafts and revisions."""
    environment = site_environment(databases.new("demo"), tmp_path_factory.mktemp("demo-site"))
    build_demo_site(environment)
    manage(environment, "shell", "-c", "from tests.operations.site_content import add_content; add_content()")
    return environment


@pytest.fixture
def serve(tmp_path):
    """Serves a site environment with gunicorn until the end of the test; its log in tmp_path."""
    sites = []

    def serve(environment):
        sites.append(Site(environment, tmp_path / f"gunicorn-{len(sites)}.log"))
        return sites[-1]

    yield serve
    for site in sites:
        site.stop()
