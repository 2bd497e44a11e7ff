"""The bibliography's entries written with a current ARIA role.

Docutils writes each citation as role="doc-biblioentry" inside a role="list". DPUB-ARIA 1.1
deprecated doc-biblioentry, and checkers (axe-core's aria-required-children) no longer count
it as a list item, so the list reads as broken; "listitem" is the role it names instead.
The HTML writer's own visitor is replaced for citations (``app.add_node(override=True)``, as
sphinx-design and MyST-Parser do for containers), so no written page is edited afterwards.
"""

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator


def visit_citation(translator: HTML5Translator, node: nodes.citation) -> None:
    """Docutils' ``visit_citation``, with role="listitem" for each entry."""
    if not isinstance(node.previous_sibling(), nodes.citation):
        translator.body.append('<div role="list" class="citation-list">\n')
    translator.body.append(translator.starttag(node, "div", classes=["citation"], role="listitem"))


def add_citation_visitor(app) -> None:
    app.add_node(nodes.citation, override=True, html=(visit_citation, HTML5Translator.depart_citation))
