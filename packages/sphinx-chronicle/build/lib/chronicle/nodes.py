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
