"""Placeholders left by the list directives; a post-transform replaces each with standard
docutils nodes before any writer sees it (see :mod:`.transforms`)."""

from docutils import nodes


class chronicle_placeholder(nodes.General, nodes.Element):
    """Base of the list placeholders."""


class timeline_placeholder(chronicle_placeholder):
    """Where ``chron:timeline`` goes; attributes: tags, start, end, reversed."""


class convoy_table_placeholder(chronicle_placeholder):
    """Where ``chron:convoy-table`` goes; attribute ``reported``: {field: (count, bibkey)}."""


class discrepancies_placeholder(chronicle_placeholder):
    """Where ``chron:discrepancies`` goes."""


def skip_placeholder(translator, node) -> None:
    """Writers never meet a placeholder; if one is left (a failed transform), write nothing."""
    raise nodes.SkipNode


PLACEHOLDERS = (timeline_placeholder, convoy_table_placeholder, discrepancies_placeholder)


class timeline_element(nodes.General, nodes.Element):
    """One HTML element of the timeline (``tag``, ``attributes``; ``empty`` for a void one).

    Docutils has no node for a heading outside a section, a list item with data, a
    ``<time>`` or a form; the timeline needs all four. Only the HTML builders get these
    nodes (other builders get the timeline as a table), so only HTML has visitors.
    """


class timeline_inline(nodes.Inline, timeline_element):
    """An inline :class:`timeline_element`, such as ``<time>``."""


def visit_timeline_element(translator, node: timeline_element) -> None:
    empty = node.get("empty", False)
    translator.body.append(
        translator.starttag(node, node["tag"], suffix="", empty=empty, **node.get("attributes", {}))
    )
    if empty:
        raise nodes.SkipNode


def depart_timeline_element(translator, node: timeline_element) -> None:
    translator.body.append(f"</{node['tag']}>")


TIMELINE_NODES = (timeline_element, timeline_inline)
