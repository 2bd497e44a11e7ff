"""Find raw HTML in pages: it is lost in LaTeX, EPUB and translations, and bypasses the theme."""

from __future__ import annotations

from docutils import nodes

from .findings import ERROR, Finding, display_path, node_line


def check_raw_html(env) -> list[Finding]:
    findings = []
    for docname in sorted(env.found_docs):
        doctree = env.get_doctree(docname)
        # MyST turns HTML blocks and inline HTML into the same ``raw`` nodes as the
        # ``{raw} html`` directive, so one search finds all three.
        for raw in doctree.findall(nodes.raw):
            if "html" not in raw.get("format", "").split():
                continue
            snippet = raw.astext().strip().splitlines()[0][:60] if raw.astext().strip() else ""
            findings.append(
                Finding(
                    display_path(env.doc2path(docname)),
                    node_line(raw),
                    ERROR,
                    "raw-html",
                    f"raw HTML {snippet!r}: use MyST markup or a directive instead",
                )
            )
    return findings
