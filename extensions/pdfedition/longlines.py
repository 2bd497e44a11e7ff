"""No line of the written LaTeX source longer than TeX reads (its buffer holds 200,000
characters): a source cited 2,000 times, or a title of 100,000 characters, must not stop
xelatex. Long lines are broken at spaces, which TeX reads as the same space; the lines of
verbatim blocks, where a line break would show, are left as they are."""

from __future__ import annotations

import re
from pathlib import Path

#: Well under TeX's buffer (buf_size = 200000 in TeX Live), and far over any line Sphinx
#: writes for ordinary text.
LONGEST = 4000
VERBATIM_START = "\\begin{sphinxVerbatim"
VERBATIM_END = "\\end{sphinxVerbatim"
#: Where a comment starts: a "%" that no backslash escapes.
COMMENT = re.compile(r"(?<!\\)%")


def wrap_line(line: str, longest: int = LONGEST) -> str:
    """*line* in lines of at most *longest* characters where it has spaces to break at; a
    comment at its end stays at the end of the last one."""
    comment = COMMENT.search(line)
    if comment:
        return wrap_line(line[:comment.start()], longest) + line[comment.start():]
    pieces, start = [], 0
    while len(line) - start > longest:
        cut = line.rfind(" ", start + 1, start + longest)
        if cut == -1:
            cut = line.find(" ", start + longest)
            if cut == -1:
                break
        pieces.append(line[start:cut])
        start = cut + 1
    pieces.append(line[start:])
    return "\n".join(pieces)


def wrap_file(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    if all(len(line) <= LONGEST for line in text.split("\n")):
        return False
    lines, verbatim = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith(VERBATIM_START):
            verbatim = True
        elif line.lstrip().startswith(VERBATIM_END):
            verbatim = False
        lines.append(line if verbatim or len(line) <= LONGEST else wrap_line(line))
    path.write_text("\n".join(lines), encoding="utf-8")
    return True


def wrap_long_lines(app, exception) -> None:
    if exception is not None or app.builder.format != "latex":
        return
    for path in Path(app.outdir).glob("*.tex"):
        wrap_file(path)
