"""HTML gets the floating box; every other builder gets the plain table inside it."""

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform


class PlainInfoboxTable(SphinxPostTransform):
    """Outside HTML, unwrap the box so LaTeX, text and EPUB readers get an ordinary table."""

    default_priority = 200

    def run(self, **kwargs) -> None:
        # Sphinx 9 deprecates ``self.app``; its own post-transforms read the builder class here.
        if self.env._builder_cls.format == "html":
            return
        for box in list(self.document.findall(nodes.container)):
            if "infobox" in box["classes"]:
                box.replace_self(box.children)
