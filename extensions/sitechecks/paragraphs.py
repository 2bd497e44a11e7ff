"""Find narrative paragraphs that state a number or a date but cite nothing.

A history's figures and dates are its claims; each needs a source next to it, and a
paragraph without one is an error. The rule is a heuristic, so an exception is allowed,
but only where review sees it: a comment on the line before the paragraph,

    % citecheck: no-cite — the reason, in a few words

(``--`` or ``-`` may stand for the dash; the reason is required). A page about the site
rather than the history (the contributor guide, say) opts out as a whole with front matter
``citecheck-skip: uncited-figure``.
"""

from __future__ import annotations

import re

from babel.dates import get_day_names, get_month_names
from chronicle.dates import babel_locale
from docutils import nodes
from sphinx import addnodes

from .findings import ERROR, Finding, display_path, node_line

CHECK = "uncited-figure"
MARKER = re.compile(r"^\s*citecheck:\s*no-cite\b\s*(?:(?:—|–|--|-|:)\s*(?P<reason>\S.*))?$", re.S)
#: Text inside these is not a claim of the narrative: code, formulas, markup for machines.
NOT_PROSE = (
    nodes.literal,
    nodes.math,
    nodes.raw,
    nodes.target,
    nodes.substitution_definition,
    nodes.comment,
    nodes.system_message,
)
#: Paragraphs inside these need no citation: they are sources or notes on sources. Only
#: paragraphs are examined, so headings, code blocks and toctrees never are; chronicle's
#: tables exist only after resolution, and the check reads the doctrees before it.
SKIPPED_CONTAINERS = (nodes.citation, nodes.footnote, nodes.docinfo)


def figure_pattern(language: str | None) -> re.Pattern[str]:
    """Digits, or a month or weekday named in the page's language."""
    locale = babel_locale(language)
    names = {
        *get_month_names("wide", locale=locale).values(),
        *get_day_names("wide", locale=locale).values(),
    }
    words = "|".join(sorted((re.escape(name) for name in names), key=len, reverse=True))
    # Names are matched with their capital: "May" is a month, "may" is not.
    return re.compile(rf"\d|\b(?:{words})\b")


def _skipped(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, SKIPPED_CONTAINERS):
            return True
        parent = parent.parent
    return False


def prose_text(node: nodes.Element) -> str:
    return "".join(
        text.astext()
        for text in node.findall(nodes.Text)
        if not any(isinstance(parent, NOT_PROSE) for parent in _ancestors(text, node))
    )


def _ancestors(node: nodes.Node, stop: nodes.Node):
    parent = node.parent
    while parent is not None and parent is not stop.parent:
        yield parent
        parent = parent.parent


def cites(node: nodes.Element) -> bool:
    """A ``{cite}`` role (before or after resolution) or a footnote citation inside *node*."""
    for child in node.findall(nodes.Element):
        if isinstance(child, addnodes.pending_xref) and child.get("refdomain") == "cite":
            return True
        if isinstance(child, (nodes.citation_reference, nodes.footnote_reference)):
            return True
    return False


def _rendered_by_chronicle(node: nodes.Node) -> bool:
    return any(name.startswith("chron-") for name in node.get("classes", ()))


def _is_record(node: nodes.Node) -> bool:
    return isinstance(node, nodes.container) and _rendered_by_chronicle(node)


def citation_scope(paragraph: nodes.paragraph, doctree: nodes.document) -> nodes.Element:
    """The node whose citations cover *paragraph*.

    In a table the row is the claim: a source in any cell covers the row. What chronicle
    renders for a record (its date, title, facts, figure: nodes with a ``chron-`` class)
    shares the sources the record cites in its heading; a record's body paragraphs are
    narrative and cite for themselves.
    """
    rendered = _rendered_by_chronicle(paragraph)
    for parent in _ancestors(paragraph, doctree):
        if isinstance(parent, nodes.row):
            return parent
        if _is_record(parent):
            return parent if rendered else paragraph
        rendered = rendered or _rendered_by_chronicle(parent)
    return paragraph


def exception_marker(paragraph: nodes.paragraph) -> re.Match | None:
    """The ``% citecheck: no-cite — reason`` comment just before *paragraph*, if any."""
    parent = paragraph.parent
    if parent is None:
        return None
    index = parent.index(paragraph)
    previous = parent[index - 1] if index else None
    if isinstance(previous, nodes.comment):
        return MARKER.match(previous.astext())
    return None


def skips(env, docname: str) -> set[str]:
    value = env.metadata.get(docname, {}).get("citecheck-skip", "")
    return {name.strip() for name in str(value).split(",") if name.strip()}


def check_paragraphs(env) -> list[Finding]:
    pattern = figure_pattern(env.config.language)
    findings = []
    for docname in sorted(env.found_docs):
        if CHECK in skips(env, docname):
            continue
        doctree = env.get_doctree(docname)
        for paragraph in doctree.findall(nodes.paragraph):
            if _skipped(paragraph):
                continue
            scope = citation_scope(paragraph, doctree)
            if _is_record(scope) and not cites(scope):
                continue  # a record without sources is reported as such (unsourced-record)
            text = prose_text(paragraph)
            match = pattern.search(text)
            if not match or cites(scope):
                continue
            excerpt = text[max(0, match.start() - 30) : match.end() + 30].replace("\n", " ").strip()
            marker = exception_marker(paragraph)
            if marker and marker["reason"]:
                continue
            message = (
                "the 'citecheck: no-cite' comment must give a reason after a dash"
                if marker
                else "a paragraph states a number or date but cites no source (cite one, or "
                "mark a deliberate exception with a comment line before it: "
                "'% citecheck: no-cite — reason')"
            )
            findings.append(
                Finding(
                    display_path(env.doc2path(docname)),
                    node_line(paragraph),
                    ERROR,
                    CHECK,
                    f"{message}: …{excerpt}…",
                )
            )
    return findings
