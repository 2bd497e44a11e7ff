"""linkcheck ends within its deadline and never connects to a local network.

Only 127.0.0.1 is ever contacted: names are answered by a stand-in resolver, and the
socket layer is replaced by one that records (and blocks) any connection elsewhere, so a
refusal that does not work fails the test instead of sending a request off the machine.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import shutil
import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sitechecks import linkcheck

ROOT = Path(__file__).parent / "roots" / "test-linkcheck-bounds"
DEADLINE = 6.0
#: Names the stand-in resolver knows; every other name "does not exist".
NAMES = {"intranet.test": "192.168.3.4", "127.0.0.1": "127.0.0.1"}
REDIRECTS = {
    "/to-link-local": "http://169.254.169.254/latest/meta-data/",
    "/to-private": "http://10.0.0.7/",
    "/to-private-name": "http://intranet.test/",
    "/to-ipv6-link-local": "http://[fe80::1]/",
    "/to-loopback-elsewhere": "http://127.0.0.2/",
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _reply(self) -> None:
        path = "/" + self.path.lstrip("/").partition("/")[2].split("#")[0]
        self.server.hits[path] += 1
        try:
            if path.startswith("/busy-"):
                value = {"zero": "0", "negative": "-5", "nan": "nan"}[path.removeprefix("/busy-")]
                self._head(429, {"Retry-After": value, "Content-Length": "0"})
            elif path == "/endless":
                self._head(200, {"Transfer-Encoding": "chunked"})
                while self.command == "GET":
                    chunk = b"<p>more</p>" * 100
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            elif path == "/drip":
                self._head(200, {"Content-Length": "100000"})
                while self.command == "GET":
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(1)
            elif path in REDIRECTS:
                self._head(302, {"Location": REDIRECTS[path], "Content-Length": "0"})
            else:
                body = b"<html><body>fine</body></html>"
                self._head(200, {"Content-Length": str(len(body))})
                if self.command == "GET":
                    self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the checker stopped reading, as it should

    def _head(self, code: int, headers: dict) -> None:
        self.send_response(code)
        for name, value in {"Content-Type": "text/html", **headers}.items():
            self.send_header(name, value)
        self.end_headers()

    do_GET = do_HEAD = _reply

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def sandbox(monkeypatch):
    """A resolver that knows only NAMES, and sockets that connect only to 127.0.0.1."""
    elsewhere = []
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in NAMES:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real_getaddrinfo(NAMES[host], port, *args, **kwargs)

    def connect(self, address):
        if address[0] != "127.0.0.1":
            elsewhere.append(address)
            raise ConnectionRefusedError(f"the test blocked a connection to {address}")
        return real_connect(self, address)

    monkeypatch.setenv("NO_PROXY", "*")
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    httpd.hits = Counter()
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd, elsewhere
    httpd.shutdown()
    httpd.server_close()


def project(tmp_path: Path, httpd, page: str | None = None) -> Path:
    srcdir = tmp_path / "site"
    shutil.copytree(ROOT, srcdir)
    if page is not None:
        (srcdir / "index.md").write_text(page)
    index = srcdir / "index.md"
    index.write_text(
        index.read_text().replace("@SERVER@", f"http://127.0.0.1:{httpd.server_address[1]}/p")
    )
    return srcdir


def run(srcdir: Path, *extra: str) -> tuple[int, dict, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = linkcheck.main([str(srcdir), "--timeout", "2", "--retries", "1",
                               "--rate-limit-timeout", "60", "--deadline", str(DEADLINE),
                               *extra])
    report = json.loads((srcdir / "_build" / "linkcheck" / "report.json").read_text())
    return code, report, out.getvalue()


def statuses(report: dict) -> dict[str, str]:
    return {"/" + link["uri"].split("/p/", 1)[-1]: link["status"] for link in report["links"]}


def test_hostile_servers_end_within_the_deadline(tmp_path, sandbox):
    httpd, elsewhere = sandbox
    srcdir = project(tmp_path, httpd)
    started = time.monotonic()
    _code, report, _out = run(srcdir, "--allow-loopback")
    elapsed = time.monotonic() - started
    # The deadline, plus Sphinx's start-up and one request timeout in flight.
    assert elapsed < DEADLINE + 6, elapsed
    found = statuses(report)
    # A 429 holds back every link of its host (Sphinx waits per host); past the deadline
    # they are reported as not checked rather than waited for.
    assert found["/ok"] in ("working", "timeout")
    for path in ("/busy-zero", "/busy-negative", "/busy-nan"):
        # Retry-After of 0, -5 or nan waits one second: a handful of requests, not thousands.
        assert httpd.hits[path] <= 2 * DEADLINE, (path, httpd.hits[path])
        assert found[path] in ("rate-limited", "timeout"), path
    # A body that never ends and one that drips a byte a second: the search stops reading.
    assert found["/endless#somewhere"] in ("broken", "timeout")
    assert found["/drip#somewhere"] in ("broken", "timeout")
    assert not elsewhere


def test_redirects_to_local_networks_are_refused_before_connecting(tmp_path, sandbox):
    httpd, elsewhere = sandbox
    links = "\n".join(f"- <@SERVER@{path}>" for path in REDIRECTS)
    srcdir = project(tmp_path, httpd, f"# Redirects\n\n{links}\n")
    code, report, out = run(srcdir, "--allow-loopback")
    assert not elsewhere, f"connected to {elsewhere}"
    assert set(statuses(report).values()) == {"refused"}, statuses(report)
    assert all(httpd.hits[path] >= 1 for path in REDIRECTS)  # the first hop was asked
    assert code == 1 and "refused" in out


def test_loopback_is_refused_outside_tests(tmp_path, sandbox):
    httpd, elsewhere = sandbox
    srcdir = project(tmp_path, httpd, "# Local\n\n<@SERVER@/ok>\n")
    code, report, _out = run(srcdir)
    assert statuses(report) == {"/ok": "refused"}
    assert httpd.hits["/ok"] == 0 and not elsewhere
    assert code == 1


def test_offline_is_one_message_and_its_own_status(tmp_path, sandbox):
    _httpd, elsewhere = sandbox
    srcdir = project(tmp_path, _httpd, "# Away\n\n- <https://example.org/a>\n- <https://example.net/b>\n")
    code, report, out = run(srcdir, "--timeout-retries", "0")
    assert code == linkcheck.NO_NETWORK_STATUS
    assert "no network: 2 links not checked" in out
    assert "broken" not in report["counts"]
    assert not elsewhere


def test_archive_addresses_must_be_http(tmp_path, sandbox):
    httpd, _elsewhere = sandbox
    srcdir = project(tmp_path, httpd, "# Refs\n\n{cite:p}`a`\n\n```{bibliography}\n```\n")
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinxcontrib.bibtex"]\nbibtex_bibfiles = ["refs.bib"]\n'
    )
    (srcdir / "refs.bib").write_text(
        "@misc{a,\n  title = {A},\n  url = {@SERVER@/ok},\n"
        "  archiveurl = {../../../../etc/passwd},\n}\n".replace(
            "@SERVER@", f"http://127.0.0.1:{httpd.server_address[1]}/p"
        )
    )
    code, report, _out = run(srcdir, "--allow-loopback")
    by_uri = {link["uri"]: link for link in report["links"]}
    archive = by_uri["../../../../etc/passwd"]
    assert archive["status"] == "broken" and "http(s)" in archive["info"]
    assert archive["locations"][0]["line"] == 4
    assert code == 1


def test_a_cache_with_bad_timestamps_is_checked_again(tmp_path, sandbox):
    httpd, _elsewhere = sandbox
    srcdir = project(tmp_path, httpd, "# Cached\n\n- <@SERVER@/ok>\n- <@SERVER@/ok2>\n- <@SERVER@/ok3>\n")
    base = f"http://127.0.0.1:{httpd.server_address[1]}/p"
    cache = srcdir / "_build" / "linkcheck-cache" / "links.json"
    cache.parent.mkdir(parents=True)
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=3650)).isoformat()
    cache.write_text(json.dumps({
        f"{base}/ok": {"status": "working", "checked": "2024-01-01T00:00:00"},  # no zone
        f"{base}/ok2": {"status": "working", "checked": future},
        f"{base}/ok3": {"status": "broken", "checked": dt.datetime.now(dt.UTC).isoformat()},
    }))
    code, report, _out = run(srcdir, "--allow-loopback", "--max-age", "1e20")
    assert code == 0
    assert set(statuses(report).values()) == {"working"}
    assert all(httpd.hits[path] >= 1 for path in ("/ok", "/ok2", "/ok3"))
    for bad in ("nan", "-1"):
        with pytest.raises(SystemExit):
            linkcheck.main([str(srcdir), "--max-age", bad])
