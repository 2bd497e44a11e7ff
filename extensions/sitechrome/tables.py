"""One id per table: Furo wraps each table in a scrolling container and gives it the table's ids."""

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform


class OneIdPerTable(SphinxPostTransform):
    """Keep a wrapped table's ids on the table only, so a link lands on the table itself."""

    formats = ("html",)
    default_priority = 501  # just after Furo's wrapper (500)

    def run(self, **kwargs) -> None:
        for wrapper in self.document.findall(nodes.container):
            if "table-wrapper" in wrapper["classes"] and wrapper.children:
                table = wrapper.children[0]
                wrapper["ids"] = [i for i in wrapper["ids"] if i not in table.get("ids", [])]
