"""A fast check of MyST pages for pre-commit: raw HTML and fences left open.

Usage: ``python extensions/sitechecks/mystlint.py FILE.md ...``. It parses each page with
MyST's own Markdown parser, without Sphinx, so it runs in a moment on the files a commit
touches; ``nox -s citecheck`` does the full check on the built project. This file imports
nothing else from the project, so pre-commit can run it with only myst-parser installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

#: The MyST extensions docs/conf.py enables; they change how fences are parsed.
PARSER = create_md_parser(
    MdParserConfig(enable_extensions={"colon_fence", "deflist"}), RendererHTML
)
FENCES = ("fence", "colon_fence")


def problems(text: str) -> list[tuple[int, str]]:
    lines = text.splitlines()
    found = []
    for token in PARSER.parse(text):
        line = token.map[0] + 1 if token.map else 0
        if token.type == "html_block":
            found.append((line, "raw HTML block: use MyST markup or a directive"))
        elif token.type == "inline":
            for child in token.children or ():
                if child.type == "html_inline":
                    found.append((line, f"inline HTML {child.content!r}: use MyST markup"))
        elif token.type in FENCES:
            if token.info.split()[:2] == ["{raw}", "html"]:
                found.append((line, "raw HTML directive: use MyST markup or a directive"))
            last = lines[token.map[1] - 1].strip() if token.map[1] <= len(lines) else ""
            closed = token.map[1] - token.map[0] > 1 and last and set(last) == {token.markup[0]}
            if not closed:
                # markdown-it lets an unclosed fence swallow the rest of the page silently.
                found.append((line, f"{token.markup} fence {token.info.strip()!r} is never closed"))
    return found


def main(paths: list[str]) -> int:
    status = 0
    for path in paths:
        for line, message in problems(Path(path).read_text(encoding="utf-8")):
            print(f"{path}:{line}: {message}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
