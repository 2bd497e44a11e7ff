"""Back-links from each bibliography entry to every place that cites it, on any page.

sphinxcontrib-bibtex links an entry back only to citations on the bibliography's own
page; a reader checking a source wants every page that relies on it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode
from sphinxcontrib.bibtex.directives import BibliographyKey
from sphinxcontrib.bibtex.domain import get_docnames
from sphinxcontrib.bibtex.nodes import bibliography as bibliography_node

_ = get_translation("newsbib")


class FreshBibliographyEntries(SphinxPostTransform):
    """Give sphinxcontrib-bibtex empty entry nodes each time it fills a bibliography.

    It fills the nodes it keeps in the environment, not copies: an app that writes the
    page twice (a second build in the same process, or one that pickles the environment
    after writing it) would show each entry, and its "Cited in" line, twice.
    """

    # Just before sphinxcontrib-bibtex fills the bibliography (5).
    default_priority = 4

    def run(self, **kwargs) -> None:
        domain = self.env.get_domain("cite")
        for node in self.document.findall(bibliography_node):
            key = BibliographyKey(docname=node["docname"], id_=node["ids"][0])
            entries = domain.bibliographies[key].citation_nodes
            for cited, entry in entries.items():
                fresh = entry.copy()  # the attributes, without the children
                fresh.attributes.pop("backrefs", None)
                entries[cited] = fresh


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
    paper = app.builder.format == "latex"
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
            # On paper the numbers become the pages they are on (pdfedition); the
            # group marks which links those are.
            links = nodes.inline(classes=["citation-backlink-pages"]) if paper else para
            for number, ref in enumerate(doc_refs, start=1):
                if number > 1:
                    links += nodes.Text(", ")
                links += make_refnode(
                    app.builder,
                    fromdocname,
                    docname,
                    ref.citation_ref_id,
                    nodes.inline(text=str(number)),
                    title=_("Citation {number} on “{page}”").format(number=number, page=title),
                )
            if paper:
                para += links
            para += nodes.Text(")")
        citation += para
