"""Page numbers for paper: a cross-reference gives the page it leads to, and a bibliography
entry's "Cited in" lists the pages that cite it instead of counting the citations.

Both are LaTeX-only nodes, made for the LaTeX builder alone (a post-transform, and a
``doctree-resolved`` handler after newsbib's "Cited in" lines), so no other writer meets them.
The page numbers themselves are known only to LaTeX
(``\\pageref`` and refcount's ``\\getpagerefnumber``, static/pdfedition.sty).
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform

_ = get_translation("pdfedition")

#: The class newsbib gives, in the LaTeX build, to the numbered links of one page's
#: citations of an entry ("Cited in: Background (1, 2)").
BACKLINK_GROUP = "citation-backlink-pages"


class page_reference(nodes.Inline, nodes.Element):
    """" (p. 12)" after a cross-reference; attribute ``label``: the LaTeX label of its target;
    with ``bare`` set, the page number alone ("12"), for a sentence that names the page."""


class page_list(nodes.Inline, nodes.Element):
    """"pp. 3, 12" (each page once, in order); attribute ``labels``: the citing places."""


def label_of(reference: nodes.reference, docname: str) -> str | None:
    """The LaTeX label of a reference's target, as Sphinx's LaTeX writer makes it."""
    if reference.get("refid"):
        return f"{docname}:{reference['refid']}"
    uri = reference.get("refuri", "")
    if uri.startswith("%"):
        target, _hash, anchor = uri[1:].partition("#")
        return f"{target}:{anchor}" if anchor else f"{target}::doc"
    if uri.startswith("#") and len(uri) > 1:
        return f"{docname}:{uri[1:]}"
    return None


def page_owners(document: nodes.document, root: str) -> dict[int, str]:
    """The page each node of the assembled LaTeX document came from, by ``id(node)``.

    Found from the top down: in the assembled document a page's nodes do not always lead
    up to the ``start_of_file`` that holds them through their ``parent``.
    """
    owners = {id(node): root for node in document.findall()}
    # Outer pages come first in document order, so a page included by another wins.
    for page in document.findall(addnodes.start_of_file):
        for node in page.findall():
            owners[id(node)] = page["docname"]
    return owners


def _inside(node: nodes.Node, *, classes: set[str], types: tuple = ()) -> bool:
    parent = node.parent
    while parent is not None:
        if types and isinstance(parent, types):
            return True
        if classes.intersection(parent.get("classes", []) if isinstance(parent, nodes.Element) else ()):
            return True
        parent = parent.parent
    return False


def backlink_pages(app, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: "Cited in: Background (1, 2)" becomes "Cited in: Background (pp. 4, 6)".

    newsbib writes the "Cited in" lines at ``doctree-resolved`` (default priority, 500),
    after the post-transforms; this runs after it (see :func:`pdfedition.setup`).
    """
    if app.builder.format != "latex":
        return
    owners = page_owners(doctree, app.config.root_doc)
    for group in list(doctree.findall(nodes.inline)):
        if BACKLINK_GROUP not in group["classes"]:
            continue
        labels = [label for reference in group.findall(nodes.reference)
                  if (label := label_of(reference, owners[id(reference)]))]
        if labels:
            group.replace_self(page_list(labels=labels))


class CrossReferencePages(SphinxPostTransform):
    """A link to another part of the book is followed by the page it leads to."""

    default_priority = 901
    formats = ("latex",)
    #: Links that already are page numbers, or that need none: citations (numbered entries),
    #: the table of contents, headings and captions; and the convoy table, whose narrow
    #: columns a page number would crowd (its convoys and figures are a few pages away).
    SKIP_CLASSES = {"bibtex-citation", "citation-backlinks", "toctree-wrapper", "chron-convoy-table"}

    def run(self, **kwargs) -> None:
        owners = page_owners(self.document, self.config.root_doc)
        for reference in list(self.document.findall(nodes.reference)):
            if not reference.get("internal") and not reference.get("refid"):
                continue
            label = label_of(reference, owners[id(reference)])
            if label is None or _inside(reference, classes=self.SKIP_CLASSES,
                                        types=(nodes.title, nodes.caption, nodes.citation,
                                               addnodes.toctree, page_list)):
                continue
            reference.parent.insert(reference.parent.index(reference) + 1,
                                    page_reference(label=label))


def visit_page_reference(self, node: page_reference) -> None:
    label = self.idescape(node["label"])  # \detokenize{...}, as the writer's own labels
    if node.get("bare"):
        self.body.append(r"\pageref{%s}" % label)
    else:
        self.body.append(r"\pdfeditionpageref{%s}{%s}" % (_("p."), label))
    raise nodes.SkipNode


def visit_page_list(self, node: page_list) -> None:
    # One label a line: 2,000 citations of one source must not make one line of 250,000
    # characters, longer than TeX reads.
    entries = "".join(r"\pdfeditionpage{%s}%%" % self.idescape(label) + "\n"
                      for label in node["labels"])
    self.body.append(r"\pdfeditionpages{%s}{%s}{%%" % (_("p."), _("pp.")) + "\n" + entries + "}")
    raise nodes.SkipNode
