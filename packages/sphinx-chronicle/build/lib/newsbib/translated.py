"""Citations in translated pages: keep sphinxcontrib-bibtex's record of them true to the page.

Sphinx translates a paragraph by parsing its translation as a small document of its own,
so each citation in it is cited a second time: sphinxcontrib-bibtex records one more
reference whose id belongs to that small document, and Sphinx then copies the original
citation's attributes, ids included, onto the new node (one source cited twice in a
paragraph gets the same id twice). The numbering is unharmed, but the "Cited in" back-links
and the LaTeX labels of a translated build point at ids that are missing or repeated.

Once a page has been read and translated, its references are recorded again from the
citation nodes that are really in it, in reading order, each with an id of its own.
Translations keep the citations in the order of the original text (tests/test_spanish.py
checks it), so the sources keep their numbers in every language.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinxcontrib.bibtex.citation_target import parse_citation_targets
from sphinxcontrib.bibtex.roles import CitationRef


def _line(node: nodes.Node) -> int | None:
    while node is not None:
        if node.line:
            return node.line
        node = node.parent
    return None


def record_citations_as_read(app, doctree: nodes.document) -> None:
    domain = app.env.get_domain("cite")
    docname = app.env.docname
    citations = [
        node for node in doctree.findall(addnodes.pending_xref) if node.get("refdomain") == "cite"
    ]
    recorded = [ref.citation_ref_id for ref in domain.citation_refs if ref.docname == docname]
    if recorded == [node["ids"][0] if node["ids"] else None for node in citations]:
        return  # an untranslated page: the record is already right
    refs = []
    for node in citations:
        ident = node["ids"][0] if node["ids"] else None
        if ident is None or doctree.ids.get(ident) is not node:
            # An id copied from the replaced node, or one from the translation's own small
            # document: give the node a fresh id, unique in this page.
            node["ids"] = []
            doctree.set_id(node)
        refs.append(CitationRef(
            citation_ref_id=node["ids"][0],
            docname=docname,
            line=_line(node),
            targets=list(parse_citation_targets(node["reftarget"])),
        ))
    domain.data["citation_refs"] = [
        ref for ref in domain.citation_refs if ref.docname != docname
    ] + refs
