"""Back-links from each bibliography entry to every place that cites it, on any page.

sphinxcontrib-bibtex links an entry back only to citations on the bibliography's own
page; a reader checking a source wants every page that relies on it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util.nodes import make_refnode
from sphinxcontrib.bibtex.domain import get_docnames

_ = get_translation("newsbib")


def add_citation_backlinks(app, doctree, fromdocname: str) -> None:
    """``doctree-resolved``: append "Cited in: Page (1, 2); …" to each entry of a bibliography.

    At write time, as ``sphinx.ext.todo`` fills its list: the handler is given the
    application, hence the builder that makes the links, in every Sphinx version.
    """
    env = app.env
    domain = env.get_domain("cite")
    entry_keys = {citation.citation_id: citation.key for citation in domain.citations}
    citation_nodes = [
        node for node in doctree.findall(nodes.citation) if node["ids"] and node["ids"][0] in entry_keys
    ]
    if not citation_nodes:
        return
    order = {docname: index for index, docname in enumerate(get_docnames(env))}
    refs_by_key: dict[str, list] = {}
    for ref in domain.citation_refs:
        for target in ref.targets:
            refs_by_key.setdefault(target.key, []).append(ref)
    for citation in citation_nodes:
        refs = refs_by_key.get(entry_keys[citation["ids"][0]], [])
        if not refs:
            continue
        refs = sorted(refs, key=lambda ref: (order.get(ref.docname, len(order)), ref.line or 0))
        para = nodes.paragraph(classes=["citation-backlinks"])
        para += nodes.Text(_("Cited in:") + " ")
        by_doc: dict[str, list] = {}
        for ref in refs:
            by_doc.setdefault(ref.docname, []).append(ref)
        for position, (docname, doc_refs) in enumerate(by_doc.items()):
            if position:
                para += nodes.Text("; ")
            title = env.titles[docname].astext() if docname in env.titles else docname
            para += nodes.inline(text=title + " ")
            para += nodes.Text("(")
            for number, ref in enumerate(doc_refs, start=1):
                if number > 1:
                    para += nodes.Text(", ")
                para += make_refnode(
                    app.builder,
                    fromdocname,
                    docname,
                    ref.citation_ref_id,
                    nodes.inline(text=str(number)),
                    title=_("Citation {number} on “{page}”").format(number=number, page=title),
                )
            para += nodes.Text(")")
        citation += para
