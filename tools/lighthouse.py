"""Measure every page of the built site with Lighthouse (mobile), served with gzip on 127.0.0.1.

    python tools/lighthouse.py docs/_build/html --lighthouse node_modules/.bin/lighthouse

``nox -s lighthouse`` installs Lighthouse 12.2.3 from npm (Node 20) and runs this. Chromium
is Debian's (``CHROME_PATH``, /usr/bin/chromium by default). Each page's four scores and
its largest contentful paint are printed as a table and written to ``--output`` as JSON.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".csv", ".txt", ".xml"}


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it, as any production server does."""

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)
        return None


def serve(root: Path) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def pages(root: Path, languages: list[str]) -> list[str]:
    return [
        f"{language}/{page.name}"
        for language in languages
        for page in sorted((root / language).glob("*.html"))
    ]


def measure(lighthouse: str, url: str, chromium: str) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        subprocess.run(
            [lighthouse, url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
            check=True, env={**os.environ, "CHROME_PATH": chromium},
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    return {
        **{name: data["categories"][name]["score"] for name in CATEGORIES},
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "transfer_kib": round(audits["total-byte-weight"]["numericValue"] / 1024, 1),
        "failed": sorted(
            audit_id for category in CATEGORIES
            for ref in data["categories"][category]["auditRefs"]
            if ref["weight"] and (audit_id := ref["id"])
            and audits[audit_id]["score"] is not None and audits[audit_id]["score"] < 1
            and category != "performance"
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site (docs/_build/html)")
    parser.add_argument("--lighthouse", default=shutil.which("lighthouse") or "lighthouse")
    parser.add_argument("--chromium", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--languages", nargs="+", default=["en", "es"])
    parser.add_argument("--page", action="append", help="only these pages (en/index.html)")
    parser.add_argument("--output", type=Path, help="write the figures here as JSON")
    args = parser.parse_args(argv)

    server = serve(args.site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = {}
    try:
        for page in args.page or pages(args.site, args.languages):
            results[page] = measure(args.lighthouse, base + page, args.chromium)
            row = results[page]
            print(f"{page:28} perf {row['performance']:.2f}  a11y {row['accessibility']:.2f}  "
                  f"bp {row['best-practices']:.2f}  seo {row['seo']:.2f}  "
                  f"LCP {row['lcp_ms']} ms  {row['transfer_kib']} KiB  {' '.join(row['failed'])}",
                  flush=True)
    finally:
        server.shutdown()
    if args.output:
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
