"""Text in other scripts than Latin, for xelatex (LaTeX builds only).

The book's fonts (TeX Gyre) have no Arabic or Cyrillic letters, and the bibliography holds
titles in both. Each run of Arabic becomes an inline of class ``pdfedition-arabic`` (set
right to left in an Arabic font by static/pdfedition.sty) and each run of Cyrillic one of
class ``pdfedition-cyrillic``. Addresses with such letters are printed and linked
percent-encoded, which is how a PDF link must carry them and how a reader can type them.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

ARABIC_LETTERS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
CYRILLIC_LETTERS = "\u0400-\u052f"
#: What may stand between two words of a run: spaces, digits, punctuation, quotes.
NEUTRAL = r"\s\d.,:;!?()\[\]«»\"'“”‘’\-–—/%"
RUNS = re.compile(
    rf"(?P<arabic>[{ARABIC_LETTERS}](?:[{NEUTRAL}{ARABIC_LETTERS}]*[{ARABIC_LETTERS}])?)"
    rf"|(?P<cyrillic>[{CYRILLIC_LETTERS}](?:[{NEUTRAL}{CYRILLIC_LETTERS}]*[{CYRILLIC_LETTERS}])?)"
)
#: Characters an address keeps as they are (RFC 3986's reserved ones, and "%" of an
#: address that is already encoded).
URI_SAFE = ":/?#[]@!$&'()*+,;=%~"


def split_runs(text: str) -> list[nodes.Node]:
    """*text* as Text nodes and inlines for its runs of Arabic and Cyrillic."""
    parts: list[nodes.Node] = []
    position = 0
    for match in RUNS.finditer(text):
        if match.start() > position:
            parts.append(nodes.Text(text[position:match.start()]))
        script = match.lastgroup
        parts.append(nodes.inline(match.group(), match.group(), classes=[f"pdfedition-{script}"]))
        position = match.end()
    if position < len(text):
        parts.append(nodes.Text(text[position:]))
    return parts


class ScriptRuns(SphinxPostTransform):
    default_priority = 905
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for reference in self.document.findall(nodes.reference):
            uri = reference.get("refuri", "")
            if uri.isascii():
                continue
            encoded = quote(uri, safe=URI_SAFE)
            if reference.astext() == uri:
                reference.children = []
                reference += nodes.Text(encoded)
            reference["refuri"] = encoded
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if parent is None or isinstance(parent, (nodes.FixedTextElement, nodes.raw)):
                continue
            if "pdfedition-arabic" in parent.get("classes", ()) or "pdfedition-cyrillic" in parent.get("classes", ()):
                continue
            if not RUNS.search(text):
                continue
            parts = split_runs(str(text))
            index = parent.index(text)
            parent.remove(text)
            for offset, part in enumerate(parts):
                parent.insert(index + offset, part)
