"""deploy/nginx.conf, run by the real nginx (installed by `make test`) with the paths and ports of
a temporary folder: nginx accepts it, sends HTTP to HTTPS, serves static files and uploaded images
from disk, never a document, and passes the rest on with the headers Django trusts."""

import http.client
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings

HOST = "kennisplatform.example.nl"
CONFIG = Path(settings.BASE_DIR) / "deploy" / "nginx.conf"
# The wrapper nginx.conf of a Debian install, with everything nginx writes in the temporary folder.
MAIN_CONFIG = """
{user}
error_log {folder}/error.log;
pid {folder}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {folder}/access.log;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/vsopro.conf;
}}
"""


def nginx_binary():
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    assert os.access(binary, os.X_OK), "nginx is missing: `make nginx` installs it"
    return binary


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class EchoHeaders(BaseHTTPRequestHandler):
    """Stands in for gunicorn: answers with the request's path and headers as JSON."""

    def do_GET(self):
        body = json.dumps({"path": self.path, "headers": dict(self.headers)}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def upstream():
    server = ThreadingHTTPServer(("127.0.0.1", 0), EchoHeaders)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def site_folder(tmp_path):
    """The checkout's var/ with a static file, an image rendition and a document on disk, and a
    self-signed certificate where Let's Encrypt would put one."""
    var = tmp_path / "srv" / "var"
    for name, content in {
        "static/css/site.css": b"body { color: black; }",
        "static/css/site.0123456789ab.css": b"body { color: black; }",
        "media/images/foto.width-600.png": b"\x89PNG image bytes",
        "media/documents/jaarplan-vertrouwelijk.pdf": b"%PDF private",
    }.items():
        (var / name).parent.mkdir(parents=True, exist_ok=True)
        (var / name).write_bytes(content)
    certificates = tmp_path / "certificates"
    certificates.mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={HOST}",
         "-keyout", certificates / "privkey.pem", "-out", certificates / "fullchain.pem"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return tmp_path


def configured(site_folder, upstream, http_port, https_port):
    """deploy/nginx.conf with this folder's paths and ports (IPv4 only), inside a main config."""
    text = CONFIG.read_text()
    text = text.replace("/etc/letsencrypt/live/kennisplatform.example.nl/", f"{site_folder}/certificates/")
    text = text.replace("/srv/vsopro/", f"{site_folder}/srv/")
    text = text.replace("127.0.0.1:8000", f"127.0.0.1:{upstream}")
    text = re.sub(r"^\s*listen \[::\].*\n", "", text, flags=re.MULTILINE)
    text = text.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    text = text.replace("listen 443 ", f"listen 127.0.0.1:{https_port} ")
    (site_folder / "vsopro.conf").write_text(text)
    # As root nginx would hand its workers to "nobody", who may not read the temporary folder.
    user = "user root;" if os.geteuid() == 0 else ""
    main = site_folder / "nginx.conf"
    main.write_text(MAIN_CONFIG.format(folder=site_folder, user=user))
    return main


@pytest.fixture
def nginx(site_folder, upstream):
    http_port, https_port = free_port(), free_port()
    main = configured(site_folder, upstream, http_port, https_port)
    binary = nginx_binary()
    checked = subprocess.run([binary, "-t", "-c", main], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen([binary, "-c", main, "-g", "daemon off;"], stderr=subprocess.PIPE)
    for _attempt in range(200):  # 10 s
        try:
            socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
            break
        except OSError:
            assert server.poll() is None, server.stderr.read().decode()
            time.sleep(0.05)
    else:
        server.kill()
        pytest.fail(f"nginx did not listen on {https_port} within 10 s")
    # The certificate nginx presents is the one the configuration names.
    tls = ssl.create_default_context(cafile=site_folder / "certificates" / "fullchain.pem")
    tls.check_hostname = False
    yield Nginx(http_port, https_port, tls)
    server.terminate()
    server.wait(timeout=10)


@dataclass
class Nginx:
    http_port: int
    https_port: int
    tls: ssl.SSLContext

    def get(self, path, https=True):
        if https:
            connection = http.client.HTTPSConnection(
                "127.0.0.1", self.https_port, timeout=10, context=self.tls
            )
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=10)
        return ask(connection, path)


def ask(connection, path):
    connection.request("GET", path, headers={"Host": HOST})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_plain_http_is_sent_to_https(nginx):
    response, _body = nginx.get("/zoeken/?q=stage", https=False)

    assert response.status == 301
    assert response.getheader("Location") == f"https://{HOST}/zoeken/?q=stage"


def test_static_files_and_images_come_from_disk(nginx):
    response, body = nginx.get("/static/css/site.css")
    assert response.status == 200
    assert body == b"body { color: black; }"
    assert response.getheader("Content-Type").startswith("text/css")
    assert "immutable" not in response.getheader("Cache-Control")

    # collectstatic's names with a content hash never change.
    response, body = nginx.get("/static/css/site.0123456789ab.css")
    assert response.status == 200
    assert body == b"body { color: black; }"
    assert "immutable" in response.getheader("Cache-Control")

    response, body = nginx.get("/media/images/foto.width-600.png")
    assert response.status == 200
    assert body == b"\x89PNG image bytes"


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/jaarplan-vertrouwelijk.pdf",
        "/media/images/../documents/jaarplan-vertrouwelijk.pdf",
        "/media/images/%2e%2e/documents/jaarplan-vertrouwelijk.pdf",
    ],
)
def test_documents_are_never_served_from_disk(nginx, path):
    response, body = nginx.get(path)

    assert response.status == 404
    assert b"%PDF" not in body


def test_everything_else_goes_to_django_with_the_headers_it_trusts(nginx):
    response, body = nginx.get("/documents/12/jaarplan.pdf")

    assert response.status == 200
    seen = json.loads(body)
    assert seen["path"] == "/documents/12/jaarplan.pdf"
    assert seen["headers"]["Host"] == HOST
    assert seen["headers"]["X-Forwarded-Proto"] == "https"
    assert seen["headers"]["X-Forwarded-For"] == "127.0.0.1"
