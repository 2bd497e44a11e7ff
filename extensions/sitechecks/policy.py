"""What contributed content may do: the one policy the build, citecheck and mystlint apply.

Pages, the bibliography and the data files are written by volunteers and published to
readers, so each may only ask for what a history needs:

- no raw HTML or LaTeX: it reaches readers unescaped, or the PDF's TeX engine;
- links only to ``http``, ``https`` and ``mailto`` addresses, in every bibliography field
  as well as in pages;
- no ``<meta>`` tags beyond a description and keywords: a refresh sends readers elsewhere,
  an ``og:`` tag changes how the page is shown when shared;
- no file from outside the project, and nothing fetched while the site is built;
- the text of the infobox and the gazetteer is inline markup only.

This module holds the rules and imports nothing from the project and nothing beyond the
standard library at import time, so mystlint can load it from its file under pre-commit.
Each front end (the build's hook in ``contentpolicy``, citecheck, mystlint) finds the
forms in its own representation and asks these functions what is allowed.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path, PurePosixPath

# Which addresses a reader may follow, or a build fetch: the bibliography reader (newsbib,
# in the sphinx-chronicle distribution) and the site's checks share one policy.
from newsbib.addresses import (  # noqa: F401  (part of this module's rules)
    ALLOWED_SCHEMES,
    FETCHABLE_SCHEMES,
    fetch_problem,
    link_problem,
    scheme_of,
)
from newsbib.addresses import shorten as _short

#: ``<meta name=…>`` a page may set; anything else (``http-equiv``, ``og:``…) is refused.
ALLOWED_META_NAMES = frozenset({"description", "keywords"})
#: Files that run scripts when a reader opens them from the site.
ACTIVE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".svg", ".svgz", ".xml", ".js"})
#: Directive options that read a file or fetch an address while the site is built.
FETCHING_OPTIONS = {"csv-table": ("url",), "raw": ("url", "file")}
#: Directives whose argument is a file to read into the page.
INCLUDING_DIRECTIVES = frozenset({"include", "literalinclude"})
#: Roles allowed in infobox and gazetteer text (citations and cross-references).
INLINE_ROLES = frozenset({"cite", "cite:p", "cite:t", "cite:ps", "cite:ts", "ref", "doc", "abbr"})

#: ``\url{…}`` and ``\href{…}`` in a BibTeX field.
_TEX_ADDRESS = re.compile(r"\\(?:url|href)\s*\{([^{}]*)\}")
#: A scheme that runs or reads something, written anywhere in a text (``note = {javascript:…}``).
_DANGEROUS_SCHEME = re.compile(
    r"(?<![\w.+-])(javascript|vbscript|livescript|data|file|blob|filesystem|jar|view-source)\s*:",
    re.IGNORECASE,
)

# Names of the rules, used as the ``check`` (citecheck) and warning subtype (build).
RAW = "raw-markup"
SCHEME = "link-scheme"
META = "meta-tag"
OUTSIDE = "outside-file"
FETCH = "build-fetch"
ACTIVE = "active-file"
INLINE = "inline-only"


def text_problems(text: str) -> list[str]:
    """Addresses with a forbidden scheme inside free text (any bibliography field)."""
    problems = []
    for match in _TEX_ADDRESS.finditer(text or ""):
        if problem := link_problem(match[1]):
            problems.append(problem)
    for match in _DANGEROUS_SCHEME.finditer(text or ""):
        snippet = text[match.start() : match.start() + 40]
        problem = f"a {match[1].lower()}: address {_short(snippet)}: only http(s) and mailto are allowed"
        if not any(match[1].lower() + ":" in found for found in problems):
            problems.append(problem)
    return problems


def meta_problem(attributes: dict[str, str]) -> str | None:
    """Why a ``<meta>`` with *attributes* (name, http-equiv, property, content) is refused."""
    lowered = {str(key).lower(): str(value) for key, value in attributes.items()}
    if "http-equiv" in lowered:
        return (
            f"<meta http-equiv={lowered['http-equiv']!r}> is not allowed "
            "(a refresh would send readers elsewhere)"
        )
    for key in ("property", "name"):
        value = lowered.get(key)
        if value is not None and value.lower() not in ALLOWED_META_NAMES:
            return (
                f"<meta {key}={value!r}> is not allowed: a page may set only "
                f"{', '.join(sorted(ALLOWED_META_NAMES))}; the site sets the others itself"
            )
    return None


def meta_option_problem(name: str) -> str | None:
    """The same rule for a ``meta`` directive option or an ``html_meta`` key.

    docutils writes ``http-equiv=refresh`` and ``property=og:title`` as option *names*.
    """
    kind, _, value = name.partition("=")
    if value:
        return meta_problem({kind.strip(): value.strip()})
    return meta_problem({"name": name.strip()})


def outside_problem(path: str | Path, base: Path, project: Path) -> str | None:
    """Why the file *path*, named in a page in *base*, must not be read (outside *project*)."""
    text = str(path).strip()
    if text.startswith("<") and text.endswith(">"):
        return f"{text} is a file of the docutils installation, outside the project"
    if text.startswith("/"):
        # Sphinx reads "/x" as relative to the source directory.
        target = (project / text.lstrip("/")).resolve()
    else:
        target = (Path(base) / text).resolve()
    if not target.is_relative_to(Path(project).resolve()):
        return f"{text} is outside the project: only files inside it may be included"
    return None


def active_file_problem(name: str) -> str | None:
    suffix = PurePosixPath(str(name).split("?", 1)[0]).suffix.lower()
    if suffix in ACTIVE_SUFFIXES:
        return (
            f"{name} is a {suffix} file, which can run scripts when opened from the site: "
            "use a PNG, JPEG or PDF"
        )
    return None


def fetching_option_problem(directive: str, option: str) -> str | None:
    if option in FETCHING_OPTIONS.get(directive, ()):
        return (
            f"{directive} :{option}: reads a file or an address while the site is built: "
            "put the content in the page"
        )
    return None


def raw_problem(format_name: str) -> str:
    return (
        f"raw {format_name or 'markup'} is not allowed: it bypasses escaping and the theme "
        "(use MyST markup or a directive)"
    )


def inline_problems(text: str) -> list[str]:
    """What in *text* (infobox, gazetteer) is more than inline markup.

    Parsed with MyST's Markdown parser, as the extensions render it: one paragraph of
    text, emphasis, code, links and citation roles is allowed; blocks, directives, HTML
    and other roles are not.
    """
    problems = []
    for token in _parser().parse(text):
        if token.type in ("paragraph_open", "paragraph_close"):
            continue
        if token.type != "inline":
            problems.append(f"{_describe(token)} is not inline text")
            continue
        for child in token.children or ():
            if child.type in _INLINE_TOKENS:
                continue
            if child.type == "link_open":
                if problem := link_problem(str(child.attrs.get("href", ""))):
                    problems.append(problem)
            elif child.type == "myst_role" and child.meta.get("name") in INLINE_ROLES:
                continue
            elif child.type == "html_inline":
                problems.append(f"inline HTML {_short(child.content)} is not allowed")
            else:
                problems.append(f"{_describe(child)} is not allowed in inline text")
    return problems


def data_text_problems(text: str) -> list[tuple[int | None, str]]:
    """(line, message) for every string of a TOML data file that is more than inline text.

    A file TOML cannot read is one problem (it is reported by the extension that reads it
    too, but the check must not stop there).
    """
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as error:
        return [(None, f"not valid TOML: {error}")]
    lines = text.splitlines()
    return [
        (_line_holding(lines, value), problem)
        for value in _strings(data)
        for problem in inline_problems(value)
    ]


def bib_text_problems(text: str) -> list[tuple[int, str]]:
    """(line, message) for forbidden addresses in a .bib file, line by line (pre-commit)."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if address := _BIB_ADDRESS.match(line):
            if problem := fetch_problem(address["value"]):
                found.append((number, f"{address['name']} {problem}"))
            continue
        found.extend((number, problem) for problem in text_problems(line))
    return found


_BIB_ADDRESS = re.compile(
    r"^\s*(?P<name>url|archiveurl)\s*=\s*[{\"](?P<value>.*?)[}\"]\s*,?\s*$", re.IGNORECASE
)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _line_holding(lines: list[str], value: str) -> int | None:
    probe = next((part.strip() for part in value.splitlines() if part.strip()), "")[:30]
    return next((number for number, line in enumerate(lines, 1) if probe and probe in line), None)


_INLINE_TOKENS = frozenset(
    {"text", "softbreak", "hardbreak", "em_open", "em_close", "strong_open", "strong_close",
     "code_inline", "link_close"}
)
_PARSER = None


def _parser():
    global _PARSER
    if _PARSER is None:
        from markdown_it.renderer import RendererHTML
        from myst_parser.config.main import MdParserConfig
        from myst_parser.parsers.mdit import create_md_parser

        _PARSER = create_md_parser(
            MdParserConfig(enable_extensions={"colon_fence", "deflist"}), RendererHTML
        )
    return _PARSER


def _describe(token) -> str:
    if token.type in ("fence", "colon_fence"):
        return f"a {token.markup} block {token.info.strip()!r}"
    if token.type == "myst_role":
        return f"the role {{{token.meta.get('name')}}}"
    if token.type == "html_block":
        return f"an HTML block {_short(token.content)}"
    return f"a {token.type.removesuffix('_open')}"

