"""A fast check of MyST pages for pre-commit: the content policy and fences left open.

Usage: ``python extensions/sitechecks/mystlint.py FILE.md ...``. It parses each page with
MyST's own Markdown parser, without Sphinx, so it runs in a moment on the files a commit
touches, and applies the same rules (``policy.py``) as the build and citecheck: raw HTML
or LaTeX (also inside ``{eval-rst}``), links other than http(s) and mailto, meta tags,
files from outside the project, fetching at build time. Apart from ``policy.py``, loaded
from beside this file, it needs only myst-parser, so pre-commit can run it as it is.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

try:
    from sitechecks import policy
except ImportError:  # run as a script by pre-commit: the package is not installed
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import policy

#: The MyST extensions docs/conf.py enables; they change how fences are parsed.
PARSER = create_md_parser(
    MdParserConfig(enable_extensions={"colon_fence", "deflist"}), RendererHTML
)
FENCES = ("fence", "colon_fence")
DIRECTIVE = re.compile(r"^\{([^}]+)\}\s*(.*)$")
OPTION = re.compile(r"^\s*:([^:\s][^:]*):\s*(.*)$")
RST_DIRECTIVE = re.compile(r"^\s*\.\.\s+([\w:-]+)::\s*(.*)$")


def _options(lines: list[str]) -> list[tuple[int, str, str]]:
    """(offset, name, value) of the options at the top of a directive's content."""
    found = []
    if lines and lines[0].strip() == "---":
        for offset, line in enumerate(lines[1:], 1):
            if line.strip() == "---":
                break
            name, _, value = line.partition(":")
            found.append((offset, name.strip(), value.strip()))
        return found
    for offset, line in enumerate(lines):
        match = OPTION.match(line)
        if not match:
            break
        found.append((offset, match[1].strip(), match[2].strip()))
    return found


def directive_problems(
    name: str, argument: str, options: list[tuple[int, str, str]], where: Path, project: Path
) -> list[tuple[int, str]]:
    """(lines below the directive's first line, message) for one directive, in either syntax."""
    found = []
    if name == "raw":
        found.append((0, policy.raw_problem(argument)))
    if name in policy.INCLUDING_DIRECTIVES and argument:
        if problem := policy.outside_problem(argument, where, project):
            found.append((0, f"{name}: {problem}"))
    if name in ("image", "figure") and argument:
        if problem := policy.link_problem(argument) or policy.active_file_problem(argument):
            found.append((0, problem))
    for index, option, value in options:
        # Reported at the directive, as the build does, except a meta tag: at its option.
        offset = index + 1 if name == "meta" else 0
        if problem := policy.fetching_option_problem(name, option):
            found.append((offset, problem))
        elif name == "csv-table" and option == "file":
            if problem := policy.outside_problem(value, where, project):
                found.append((offset, f"csv-table :file: {problem}"))
        elif name == "meta" and (problem := policy.meta_option_problem(option)):
            found.append((offset, problem))
        elif option == "target" and (problem := policy.link_problem(value)):
            found.append((offset, problem))
    return found


def rst_problems(text: str, where: Path, project: Path) -> list[tuple[int, str]]:
    """The policy in reStructuredText (``{eval-rst}``): (0-based line, message)."""
    lines = text.splitlines()
    found = []
    for index, line in enumerate(lines):
        if match := RST_DIRECTIVE.match(line):
            name = match[1].lower()
            for offset, message in directive_problems(
                name, match[2].strip(), _options(lines[index + 1 :]), where, project
            ):
                found.append((index + offset, message))
        for message in policy.text_problems(line):
            found.append((index, message))
    return found


def front_matter_problems(token) -> list[tuple[int, str]]:
    try:
        data = yaml.safe_load(token.content) or {}
    except yaml.YAMLError:
        return []
    if not isinstance(data, dict):
        return []
    metas = [data.get("html_meta"), (data.get("myst") or {}).get("html_meta")]
    lines = token.content.splitlines()
    found = []
    for meta in metas:
        for key in meta if isinstance(meta, dict) else ():
            if problem := policy.meta_option_problem(str(key)):
                line = next((i for i, text in enumerate(lines) if str(key) in text), 0)
                found.append((line + 2, f"html_meta: {problem}"))
    return found


def project_of(path: Path) -> Path:
    """The Sphinx source directory holding *path*: the nearest folder with a conf.py."""
    for folder in Path(path).resolve().parents:
        if (folder / "conf.py").exists():
            return folder
    return Path(path).resolve().parent


def problems(text: str, path: str | Path | None = None) -> list[tuple[int, str]]:
    where = Path(path).resolve().parent if path else Path.cwd()
    project = project_of(Path(path)) if path else where
    lines = text.splitlines()
    found = []
    for token in PARSER.parse(text):
        line = token.map[0] + 1 if token.map else 0
        if token.type == "front_matter":
            found.extend(front_matter_problems(token))
        elif token.type == "html_block":
            found.append((line, "raw HTML block: " + policy.raw_problem("HTML")))
        elif token.type == "inline":
            for child in token.children or ():
                if child.type == "html_inline":
                    found.append((line, f"inline HTML {child.content!r}: use MyST markup"))
                elif child.type in ("link_open", "image"):
                    address = str(child.attrs.get("href") or child.attrs.get("src") or "")
                    problem = policy.link_problem(address)
                    if child.type == "image":
                        problem = problem or policy.active_file_problem(address)
                    if problem:
                        found.append((line, problem))
                elif child.type == "myst_role" and child.meta.get("name") == "download":
                    target = child.content.rsplit("<", 1)[-1].rstrip(">")
                    if problem := policy.active_file_problem(target):
                        found.append((line, problem))
        elif token.type in FENCES:
            if match := DIRECTIVE.match(token.info.strip()):
                name, argument = match[1].strip().lower(), match[2].strip()
                body = token.content.splitlines()
                options = _options(body)
                for offset, message in directive_problems(name, argument, options, where, project):
                    found.append((line + offset, message))
                if name == "eval-rst":
                    for index, message in rst_problems(token.content, where, project):
                        found.append((line + 1 + index, message))
            last = lines[token.map[1] - 1].strip() if token.map[1] <= len(lines) else ""
            closed = token.map[1] - token.map[0] > 1 and last and set(last) == {token.markup[0]}
            if not closed:
                # markdown-it lets an unclosed fence swallow the rest of the page silently.
                found.append((line, f"{token.markup} fence {token.info.strip()!r} is never closed"))
    return sorted(found)


def file_problems(path: str | Path) -> list[tuple[int, str]]:
    """Pages, and the data files and bibliographies they draw on."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return [(0, f"not UTF-8: {error}")]
    suffix = Path(path).suffix
    if suffix == ".toml":
        return [(line or 0, message) for line, message in policy.data_text_problems(text)]
    if suffix == ".bib":
        return policy.bib_text_problems(text)
    return problems(text.removeprefix("\ufeff"), path)


def main(paths: list[str]) -> int:
    status = 0
    for path in paths:
        for line, message in file_problems(path):
            print(f"{path}:{line}: {message}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
