"""The shape of the book: chapters, front matter, and labels the LaTeX writer leaves out.

- The root page's toctree sits inside its last section ("How to read this site"), which
  would make every other page a sub-section of that one: it is moved up, so each page is a
  chapter of its own; the pages named in ``pdf_leave_out`` are dropped.
- That section speaks of a site and its links; when ``pdf_words`` gives a ``how_to_read``
  text for paper, the section is replaced by it, as front matter (an unnumbered heading
  under the opening text, not a chapter of its own). ``{page:NAME}`` in that text gives the
  page where the page NAME begins.
- Ids of inlines (the citations that the bibliography's "Cited in" back-links point to) and
  of containers get a LaTeX label: the LaTeX writer writes none for them, so those links
  would point nowhere. An id that a target already labels (the chronicle places one before
  each record) is left alone.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .pages import page_reference
from .settings import words_for

PAGE_OF = re.compile(r"\{page:(?P<docname>[\w/.-]+)\}")


def _inside_included_page(node: nodes.Node) -> bool:
    return any(isinstance(parent, addnodes.start_of_file) for parent in _ancestors(node))


def _ancestors(node: nodes.Node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def paper_paragraph(text: str) -> nodes.paragraph:
    paragraph = nodes.paragraph()
    position = 0
    for match in PAGE_OF.finditer(text):
        paragraph += nodes.Text(text[position:match.start()])
        paragraph += page_reference(label=f"{match['docname']}::doc", bare=True)
        position = match.end()
    paragraph += nodes.Text(text[position:])
    return paragraph


def front_matter(title: str, paragraphs: list[str]) -> list[nodes.Node]:
    heading = nodes.rubric(title, title, classes=["pdfedition-front-matter"])
    heading["heading-level"] = 2
    return [heading, *(paper_paragraph(text) for text in paragraphs)]


class RootToctreeToTop(SphinxPostTransform):
    """Lift the pages included by the root page's toctree out of the section it sits in,
    put the paper's "how to read" in that section's place, and leave out the pages listed
    in ``pdf_leave_out``."""

    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        top = next((child for child in self.document.children if isinstance(child, nodes.section)), None)
        if top is None:
            return
        how_to_read = words_for(self.config).get("how_to_read")
        for wrapper in list(self.document.findall(nodes.compound)):
            if "toctree-wrapper" not in wrapper["classes"]:
                continue
            if not any(isinstance(child, addnodes.start_of_file) for child in wrapper.children):
                continue
            if _inside_included_page(wrapper) or wrapper.parent is top:
                continue
            # The section of the root page that holds the toctree, directly under `top`.
            holder = wrapper
            while holder.parent is not None and holder.parent is not top:
                holder = holder.parent
            if holder.parent is not top:
                continue
            wrapper.parent.remove(wrapper)
            top.insert(top.index(holder) + 1, wrapper)
            if how_to_read and isinstance(holder, nodes.section):
                title, *paragraphs = how_to_read
                index = top.index(holder)
                top.remove(holder)
                for offset, node in enumerate(front_matter(title, paragraphs)):
                    top.insert(index + offset, node)
        # Pages left out of the PDF (conf.py: pdf_leave_out).
        leave_out = set(self.config.pdf_leave_out)
        for page in list(self.document.findall(addnodes.start_of_file)):
            if page["docname"] in leave_out:
                page.parent.remove(page)


class IdLabels(SphinxPostTransform):
    """A LaTeX label for each id of a container or an inline (the LaTeX writer writes none).

    Containers are the chronicle's records; inlines are the citations in the text, which the
    bibliography's "Cited in" back-links point to.
    """

    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        # Ids that already have a label: a target just before the node that refers to it.
        labelled = {target["refid"] for target in self.document.findall(nodes.target)
                    if target.get("refid")}
        for node in list(self.document.findall(lambda n: isinstance(n, (nodes.container, nodes.inline)))):
            if not node["ids"] or labelled.intersection(node["ids"]):
                continue
            target = nodes.target("", "", ids=list(node["ids"]))
            node["ids"] = []
            if isinstance(node, nodes.container):
                node.insert(0, target)
            else:
                node.parent.insert(node.parent.index(node), target)
