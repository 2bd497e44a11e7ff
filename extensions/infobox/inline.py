"""Infobox text is inline Markdown only: emphasis, strong, code and http(s) links.

The text comes from a data file, not from a page, so it is not given to the page's parser
(which would run directives, roles, raw HTML or LaTeX). markdown-it's "zero" preset with
a few inline rules reads it; everything else stays literal text.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from docutils import nodes
from markdown_it import MarkdownIt

SAFE_SCHEMES = ("http", "https", "mailto")

_PARSER = (
    MarkdownIt("zero")
    .enable(["emphasis", "backticks", "escape", "link", "newline"])
)
_PARSER.validateLink = lambda url: urlsplit(url.strip()).scheme.lower() in SAFE_SCHEMES
_ELEMENTS = {"em": nodes.emphasis, "strong": nodes.strong, "link": nodes.reference}


def inline_nodes(text: str) -> list[nodes.Node]:
    """Docutils inline nodes for *text*: never a block, a role, a directive or raw markup."""
    tokens = _PARSER.parseInline(text)
    children = tokens[0].children if tokens else []
    stack: list[list[nodes.Node]] = [[]]
    parents: list[nodes.Element] = []
    for token in children or ():
        if token.type.endswith("_open"):
            element = _ELEMENTS[token.type[:-5]]()
            if token.type == "link_open":
                element["refuri"] = str(token.attrGet("href"))
            parents.append(element)
            stack.append([])
        elif token.type.endswith("_close"):
            element = parents.pop()
            element.extend(stack.pop())
            stack[-1].append(element)
        elif token.type == "code_inline":
            stack[-1].append(nodes.literal(token.content, token.content))
        elif token.type in ("softbreak", "hardbreak"):
            stack[-1].append(nodes.Text(" "))
        else:
            stack[-1].append(nodes.Text(token.content))
    return stack[0]
