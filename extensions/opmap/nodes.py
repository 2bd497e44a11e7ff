"""The placeholder a map directive leaves; a post-transform replaces it before writing."""

from docutils import nodes


class operation_map(nodes.General, nodes.Element):
    """Where the operation map goes; holds the gazetteer read from the directive's file."""
