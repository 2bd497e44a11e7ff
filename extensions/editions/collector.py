"""Keep the change log current: its page is read again whenever the recorded editions change.

The directive notes each export it reads as a dependency, but an edition recorded after the
page was last read is a new folder that no dependency names; this collector remembers, per
page with the change log, a digest of everything in the editions folder, and declares the
page outdated when the digest differs.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.environment.collectors import EnvironmentCollector

#: The document attribute the directive sets on the page that holds the change log.
MARKER = "edition_changes"


def editions_digest(app) -> str:
    folder = Path(app.srcdir, app.config.editions_dir)
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _pages(env) -> dict[str, str]:
    if not hasattr(env, "editions_pages"):
        env.editions_pages = {}
    return env.editions_pages


class EditionsCollector(EnvironmentCollector):
    def clear_doc(self, app, env, docname: str) -> None:
        _pages(env).pop(docname, None)

    def merge_other(self, app, env, docnames, other) -> None:
        for docname in docnames:
            if docname in _pages(other):
                _pages(env)[docname] = _pages(other)[docname]

    def process_doc(self, app, doctree) -> None:
        if doctree.get(MARKER):
            _pages(app.env)[app.env.docname] = editions_digest(app)

    def get_outdated_docs(self, app, env, added, changed, removed) -> list[str]:
        pages = _pages(env)
        if not pages:
            return []
        current = editions_digest(app)
        return [docname for docname, digest in pages.items() if digest != current]
