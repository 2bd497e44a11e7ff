"""Browser fixtures: the built site served on 127.0.0.1, and Debian's Chromium under Playwright.

Playwright drives the system browser (``/usr/bin/chromium``, Debian package ``chromium``);
``playwright install`` is never needed. Without Playwright or the browser, these tests skip.
"""

from __future__ import annotations

import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


@pytest.fixture(scope="session")
def served_root(tmp_path_factory, site_html: Path) -> Path:
    """The folder served over HTTP: each language's site under its code, as when deployed."""
    root = tmp_path_factory.mktemp("served")
    (root / "en").symlink_to(site_html, target_is_directory=True)
    return root


@pytest.fixture(scope="session")
def site_server(served_root: Path):
    """``served_root`` over HTTP on 127.0.0.1, at an address of its own."""
    handler = functools.partial(QuietHandler, directory=str(served_root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_url(site_server: str) -> str:
    """The English site's root, ending in ``/``."""
    return f"{site_server}/en/"


@pytest.fixture(scope="session")
def spanish_site(served_root: Path, site_html_es: Path) -> Path:
    """Serve the Spanish site beside the English one (built only for the tests that ask)."""
    link = served_root / "es"
    if not link.exists():
        link.symlink_to(site_html_es, target_is_directory=True)
    return link


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """What a page did while loading: console errors, failed and outside requests."""

    def __init__(self, page):
        self.page = page
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.outside: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("requestfailed", lambda request: self.failed.append(
            f"{request.url} ({request.failure})"))
        page.on("response", self._response)
        page.on("request", self._request)

    def _console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _response(self, response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")

    def _request(self, request) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host != "127.0.0.1":
            self.outside.append(request.url)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.watch = PageWatch(page)
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
