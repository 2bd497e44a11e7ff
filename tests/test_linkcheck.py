"""``python -m sitechecks.linkcheck`` against a local HTTP server that misbehaves on purpose."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pybtex.database import parse_file
from sitechecks import linkcheck
from sitechecks.linkstatus import classify

ROOT = Path(__file__).parent / "roots" / "test-linkcheck"
TIMEOUT = 0.5  # seconds per request in these tests; /slow answers after three times that
#: Tight limits so the whole module runs in seconds.
OPTIONS = [
    "--allow-loopback",
    "--timeout",
    str(TIMEOUT),
    "--retries",
    "1",
    "--rate-limit-timeout",
    "1.5",
    "--timeout-retries",
    "1",
]


class Handler(BaseHTTPRequestHandler):
    """Paths named after what they do, below a prefix per test project (``/p1/ok``), so
    each project sees a fresh server; ``server.hits`` counts requests per full path."""

    def _reply(self) -> None:
        self.server.hits[self.path] += 1
        hits = self.server.hits[self.path]
        prefix, _, rest = self.path.lstrip("/").partition("/")
        path = f"/{rest}"
        if path in ("/ok", "/alive") or path.startswith("/archive/"):
            self._send(200)
        elif path == "/redirect":
            self._send(302, {"Location": f"/{prefix}/ok"})
        elif path == "/removed":
            self._send(410)
        elif path == "/gone":
            self._send(404)
        elif path == "/busy-once":
            self._send(429, {"Retry-After": "1"}) if hits == 1 else self._send(200)
        elif path == "/busy-always":
            # Retry-After first, then none: Sphinx backs off until linkcheck_rate_limit_timeout.
            self._send(429, {"Retry-After": "1"} if hits == 1 else {})
        elif path == "/slow":
            time.sleep(TIMEOUT * 3)
            self._send(200)
        else:
            self._send(404)

    def _send(self, code: int, headers: dict | None = None) -> None:
        body = b"<html><body>test page</body></html>"
        try:
            self.send_response(code)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on /slow, as it should

    do_GET = do_HEAD = _reply

    def log_message(self, *args) -> None:
        pass


def local_names_only(getaddrinfo):
    def resolve(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return getaddrinfo(host, *args, **kwargs)

    return resolve


@pytest.fixture(scope="module")
def server():
    with pytest.MonkeyPatch.context() as monkeypatch:
        # A proxy from the environment must not intercept requests to the test server.
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        monkeypatch.setenv("no_proxy", "127.0.0.1")
        # No name is looked up outside the machine: every other name "does not exist".
        monkeypatch.setattr(socket, "getaddrinfo", local_names_only(socket.getaddrinfo))
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        httpd.daemon_threads = True
        httpd.block_on_close = False
        httpd.hits = Counter()
        httpd.projects = 0
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        yield httpd
        httpd.shutdown()
        httpd.server_close()


@dataclass
class Project:
    srcdir: Path
    prefix: str  # the server path every link of this project starts with

    def hits(self, server, path: str) -> int:
        return server.hits[f"{self.prefix}{path}"]


def make_project(tmp_path: Path, server) -> Project:
    """A copy of the test project whose links point at the running server."""
    server.projects += 1
    prefix = f"/p{server.projects}"
    srcdir = tmp_path / "site"
    shutil.copytree(ROOT, srcdir)
    address = f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    for path in (*srcdir.glob("*.md"), *srcdir.glob("*.bib")):
        path.write_text(path.read_text().replace("@SERVER@", address))
    return Project(srcdir, prefix)


@pytest.fixture
def project(tmp_path, server) -> Project:
    return make_project(tmp_path, server)


def run(project: Project, *extra: str) -> tuple[int, dict, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = linkcheck.main([str(project.srcdir), *OPTIONS, *extra])
    report = json.loads((project.srcdir / "_build" / "linkcheck" / "report.json").read_text())
    return code, report, out.getvalue()


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, server):
    """One check of a fresh project, shared by the tests that only read its report."""
    project = make_project(tmp_path_factory.mktemp("linkcheck"), server)
    return project, *run(project)


def by_address(report: dict) -> dict[str, dict]:
    """Links keyed by their path on the test server (prefix dropped), or whole elsewhere."""
    keyed = {}
    for link in report["links"]:
        if "127.0.0.1" in link["uri"]:
            keyed["/" + urlsplit(link["uri"]).path.lstrip("/").partition("/")[2]] = link
        else:
            keyed[link["uri"]] = link
    return keyed


def display(path: Path) -> str:
    return linkcheck.display_path(path)


def test_each_status_and_exit_code(first_run, server):
    project, code, report, out = first_run
    links = by_address(report)
    assert {address: link["status"] for address, link in links.items()} == {
        "/ok": "working",
        "/redirect": "redirected",
        "/busy-once": "working",
        "/busy-always": "rate-limited",
        "/slow": "timeout",
        "/removed": "dead, archived copy works",
        "/alive": "working",
        "http://lapsed-outlet.invalid/news/1": "dead, archived copy works",
        "/archive/removed": "working",
        "/archive/alive": "working",
        "/archive/lapsed": "working",
    }
    assert code == 0, out
    assert "OK: nothing is broken" in out
    assert links["/removed"]["code"] == 410
    assert links["/removed"]["archive"].endswith("/archive/removed")
    # Retry-After was honoured: /busy-once was asked again and then answered.
    assert project.hits(server, "/busy-once") >= 2
    # Timeouts are retried once more after Sphinx's pass.
    assert project.hits(server, "/slow") >= 2


def test_bibliography_addresses_point_at_the_bib_file(first_run):
    project, _code, report, _out = first_run
    links = by_address(report)
    bib, page = display(project.srcdir / "refs.bib"), display(project.srcdir / "index.md")
    assert links["/removed"]["locations"][0] == {"file": bib, "line": 5}
    # The original address is shown on the page that holds the bibliography...
    assert {"file": page, "line": None} in links["/removed"]["locations"]
    # ...and so is the archive copy, linked from the entry's "Archived" note.
    assert links["/archive/removed"]["locations"] == [
        {"file": bib, "line": 6}, {"file": page, "line": None}
    ]
    assert report["bibliography_not_shown"] == []


def test_page_link_location(first_run):
    project, _code, report, _out = first_run
    slow = by_address(report)["/slow"]
    assert slow["locations"] == [{"file": display(project.srcdir / "index.md"), "line": 11}]


def test_broken_link_fails(project, server):
    address = f"http://127.0.0.1:{server.server_address[1]}{project.prefix}/gone"
    (project.srcdir / "broken.md").write_text(
        f"---\norphan: true\n---\n\n# Broken\n\nGone: <{address}>.\n"
    )
    code, report, out = run(project)
    assert code == 1
    link = by_address(report)["/gone"]
    assert (link["status"], link["code"]) == ("broken", 404)
    assert link["locations"] == [{"file": display(project.srcdir / "broken.md"), "line": 7}]
    assert "FAILED" in out and "/gone (" in out


def test_cache_skips_fresh_links(project, server):
    run(project)
    before = {
        path: project.hits(server, path)
        for path in ("/ok", "/alive", "/archive/removed", "/redirect", "/slow")
    }
    _code, report, _out = run(project)
    links = by_address(report)
    for path in ("/ok", "/alive", "/archive/removed", "/redirect"):
        assert links[path]["status"] == "cached", path
        assert project.hits(server, path) == before[path], f"{path} was requested again"
    # Only good results are cached: the others are checked on every run.
    assert links["/slow"]["status"] == "timeout"
    assert links["/removed"]["status"] == "dead, archived copy works"
    assert project.hits(server, "/slow") > before["/slow"]
    cache = json.loads((project.srcdir / "_build" / "linkcheck-cache" / "links.json").read_text())
    assert all(entry["status"] in ("working", "redirected") for entry in cache.values())


def test_cache_expires(project, server):
    run(project)
    before = project.hits(server, "/ok")
    _code, report, _out = run(project, "--max-age", "0")
    assert by_address(report)["/ok"]["status"] == "working"
    assert project.hits(server, "/ok") > before


@pytest.mark.site
def test_every_bibliography_url_is_a_link_on_the_references_page(site_html):
    """So Sphinx's linkcheck checks them all; ``archiveurl`` is not shown, and the
    wrapper adds those from the .bib file itself (see the tests above)."""
    page = (site_html / "references.html").read_text(encoding="utf-8")
    bibliography = parse_file(Path(__file__).resolve().parent.parent / "references.bib")
    urls = [entry.fields["url"] for entry in bibliography.entries.values() if "url" in entry.fields]
    assert urls
    missing = [url for url in urls if f'href="{escape(url)}"' not in page]
    assert not missing


def test_classify_without_a_server():
    """The decisions on Sphinx's rows, including cases the server tests cannot stage."""
    def row(uri, status, info="", code=0):
        return {"uri": uri, "status": status, "info": info, "code": code}

    rows = [
        # A stale link redirecting to a fresh cached one: Sphinx says "ignored redirect".
        row("https://a.example/old", "ignored", "ignored redirect: https://a.example/new"),
        row("https://a.example/new", "ignored"),
        # A link the project itself ignores stays ignored.
        row("https://b.example/", "ignored", "ignored redirect: https://elsewhere.example/"),
        row("https://c.example/gone", "broken", "404 Client Error: Not Found for url: x"),
        row("https://c.example/snapshot", "broken", "404 Client Error: Not Found for url: y"),
        row("https://d.example/busy", "broken", "429 Client Error: Too Many Requests for url: z"),
        row("https://e.example/error", "broken", "500 Server Error: Internal Server Error"),
    ]
    archives = {
        "https://c.example/gone": "https://c.example/snapshot",
        "https://e.example/error": "https://a.example/new",
    }
    statuses = [r.status for r in classify(rows, archives, cached={"https://a.example/new"})]
    assert statuses == [
        "redirected",
        "cached",
        "ignored",
        "broken",  # gone, and so is its archive copy
        "broken",
        "rate-limited",
        "broken",  # a server error is not "gone": the archive copy does not excuse it
    ]
