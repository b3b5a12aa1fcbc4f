"""Real services for the operations tests, each in processes of its own: the site (manage.py, and
gunicorn serving it), a PostgreSQL cluster and a Redis server. Every wait has a deadline."""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import redis

REPOSITORY = Path(__file__).resolve().parents[2]
# The only variables the site's processes take over from this one's environment: no DATABASE_URL,
# REDIS_URL or OPENSEARCH_URL of the developer's; what they need besides, they are given.
PASSED_ON = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
POSTGRESQL_PROGRAMS = Path("/usr/lib/postgresql")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, seconds, failure):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(failure())
        time.sleep(0.2)


def site_environment(database_url, folder, **variables):
    """An operator's configuration of a server on loopback: production settings (with static files
    from the apps' folders, tests/operations/settings.py), this database, the media, page cache and
    backups in `folder`, and no other service than the ones in `variables`."""
    return {
        **{name: os.environ[name] for name in PASSED_ON if name in os.environ},
        "DJANGO_SETTINGS_MODULE": "tests.operations.settings",
        "SECRET_KEY": "operations-tests-only",
        "EMAIL_URL": "console:",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback, as monitoring asks the application server
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(folder / "media"),
        "PAGE_CACHE_DIR": str(folder / "page-cache"),
        "BACKUP_DIR": str(folder / "backups"),
        **variables,
    }


def manage(environment, *arguments, check=True, timeout=300):
    """manage.py in a process of its own; a failure with its output when it exits non-zero."""
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode:
        command = " ".join(arguments)
        raise AssertionError(
            f"manage.py {command} exited with {result.returncode}:\n{result.stdout}{result.stderr}"
        )
    return result


def build_demo_site(environment):
    """Migrates an empty database and builds the demo site in it."""
    manage(environment, "migrate", "--noinput", "--verbosity", "0")
    manage(environment, "seed_demo", "--verbosity", "0")


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    text: str


class Site:
    """The site served by gunicorn (one worker, as a small server runs it) on a free port."""

    def __init__(self, environment, log_path):
        self.port = free_port()
        self.log_path = log_path
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "config.wsgi",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--workers=1",
                ],
                cwd=REPOSITORY,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_until(self.answers, 60, lambda: f"gunicorn did not answer within 60 s:\n{self.log()}")

    def answers(self):
        if self.process.poll() is not None:
            raise AssertionError(f"gunicorn exited with {self.process.returncode}:\n{self.log()}")
        try:
            self.get("/robots.txt")
        except OSError:
            return False
        return True

    def get(self, path, timeout=10):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return Answer(response.status, response.headers, response.read().decode())
        finally:
            connection.close()

    def log(self):
        return self.log_path.read_text(errors="replace")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


class PostgresCluster:
    """A PostgreSQL cluster of its own in a temporary folder, on a free port, with the newest server
    installed (make postgres-packages). initdb and postgres refuse to run as root, so as root they
    run as the `postgres` user, who owns the folder."""

    def __init__(self):
        versions = sorted(POSTGRESQL_PROGRAMS.glob("*/bin/initdb"), key=lambda path: int(path.parts[-3]))
        if not versions:
            raise AssertionError(
                f"No PostgreSQL server under {POSTGRESQL_PROGRAMS}: run make postgres-packages"
            )
        self.programs = versions[-1].parent
        self.folder = Path(tempfile.mkdtemp(prefix="vsopro-postgres-"))
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
        self.port = free_port()
        self.data = self.folder / "data"
        self.run(
            "initdb",
            "--pgdata",
            self.data,
            "--username=postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
        )

    def run(self, program, *arguments, check=True):
        command = [*self.as_postgres, self.programs / program, *map(str, arguments)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if check and result.returncode:
            raise AssertionError(
                f"{program} exited with {result.returncode}:\n{result.stdout}{result.stderr}"
            )

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(
            "pg_ctl",
            "start",
            "--pgdata",
            self.data,
            "--log",
            self.folder / "server.log",
            "--wait",
            "--timeout=30",
            "-o",
            options,
        )

    def stop(self):
        self.run("pg_ctl", "stop", "--pgdata", self.data, "--mode=fast", "--wait", "--timeout=30")

    def create_database(self, name):
        self.run("createdb", "--host=127.0.0.1", f"--port={self.port}", "--username=postgres", name)
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def remove(self):
        self.run(
            "pg_ctl", "stop", "--pgdata", self.data, "--mode=immediate", "--wait", "--timeout=30", check=False
        )
        shutil.rmtree(self.folder)


class RedisServer:
    """redis-server (make redis) on a free port, without persistence: started again, it is empty."""

    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.process = None
        self.client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_until(self.answers, 10, lambda: f"redis-server did not answer on port {self.port} within 10 s")

    def answers(self):
        try:
            return self.client.ping()
        except redis.ConnectionError:
            return False

    def kill(self):
        self.process.kill()
        self.process.wait(timeout=10)

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"
