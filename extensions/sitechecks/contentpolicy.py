"""The content policy (``policy.py``) applied during every Sphinx build.

Directives that would read a file from outside the project or fetch an address are
refused before they read anything; what a page's doctree holds against the policy (raw
markup, links with other schemes, meta tags, active files) is reported at ``file:line``
and taken out, so it never reaches a reader even when the build is not strict; the TOML
data files' text is checked once per build. Every problem is a warning of type
``sitechecks`` (subtype: the rule's name), and is kept in the environment so citecheck
reports exactly what the build found.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst.directives.misc import Raw
from docutils.parsers.rst.directives.tables import CSVTable
from sphinx import addnodes
from sphinx.directives.code import LiteralInclude
from sphinx.util import logging

from . import policy

logger = logging.getLogger(__name__)
STORE = "sitechecks_policy"


@dataclass(frozen=True)
class Violation:
    """One breach of the policy: where (a file and line), which rule, and why."""

    path: str
    line: int | None
    rule: str
    message: str


def _violations(env) -> dict[str, list[Violation]]:
    if not hasattr(env, STORE):
        setattr(env, STORE, {})
    return getattr(env, STORE)


def _where(violation: Violation) -> str:
    return f"{violation.path}:{violation.line}" if violation.line else violation.path


def record(env, docname: str, violation: Violation) -> None:
    _violations(env).setdefault(docname, []).append(violation)
    logger.warning(
        violation.message,
        location=_where(violation),
        type="sitechecks",
        subtype=violation.rule,
    )


def violations_of(env) -> list[Violation]:
    return [item for docname in sorted(_violations(env)) for item in _violations(env)[docname]]


class _Refusing:
    """Mixin for directives: refuse with a located warning instead of reading."""

    def refuse(self, rule: str, message: str) -> list[nodes.Node]:
        env = self.state.document.settings.env
        source, line = self.state_machine.get_source_and_line(self.lineno)
        record(env, env.docname, Violation(source, line, rule, message))
        return []


class PolicyCSVTable(_Refusing, CSVTable):
    def run(self):
        if "url" in self.options:
            return self.refuse(policy.FETCH, policy.fetching_option_problem("csv-table", "url"))
        if "file" in self.options:
            env = self.state.document.settings.env
            base = Path(self.state_machine.get_source_and_line(self.lineno)[0] or env.srcdir).parent
            if problem := policy.outside_problem(self.options["file"], base, Path(env.srcdir)):
                return self.refuse(policy.OUTSIDE, f"csv-table :file: {problem}")
        return super().run()


class PolicyRaw(_Refusing, Raw):
    def run(self):
        for option in ("url", "file"):
            if option in self.options:
                return self.refuse(policy.FETCH, policy.fetching_option_problem("raw", option))
        return super().run()  # the raw node itself is reported and removed at doctree-read


class PolicyLiteralInclude(_Refusing, LiteralInclude):
    def run(self):
        env = self.state.document.settings.env
        base = Path(self.get_source_info()[0] or env.srcdir).parent  # SphinxDirective
        if problem := policy.outside_problem(self.arguments[0], base, Path(env.srcdir)):
            return self.refuse(policy.OUTSIDE, f"literalinclude: {problem}")
        return super().run()


def refuse_outside_include(app, relative_path: Path, parent_docname: str, content: list[str]):
    """``include-read``: an included file from outside the project is replaced by nothing."""
    srcdir = Path(app.srcdir)
    if (srcdir / relative_path).resolve().is_relative_to(srcdir.resolve()):
        return
    content[:] = [""]
    page = app.env.doc2path(parent_docname)
    record(
        app.env,
        parent_docname,
        Violation(
            str(page),
            _line_naming(page, str(relative_path)),
            policy.OUTSIDE,
            f"include: {relative_path} is outside the project: only files inside it may be included",
        ),
    )


def _line_naming(path, needle: str, skip: int = 0) -> int | None:
    """The line of *path* where *needle* is written (its *skip*+1-th occurrence).

    For what docutils and MyST leave without a line: meta tags from front matter or an
    ``{eval-rst}`` block, the ``include-read`` event.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    hits = [number for number, line in enumerate(lines, 1) if needle in line]
    return hits[min(skip, len(hits) - 1)] if hits else None


def _line(node: nodes.Node) -> int | None:
    while node is not None:
        if getattr(node, "line", None):
            return node.line
        node = node.parent
    return None


def check_doctree(app, doctree: nodes.document) -> None:
    """``doctree-read``: report what the page holds against the policy, and take it out."""
    env = app.env
    docname = env.docname
    path = str(env.doc2path(docname))

    def breach(node, rule, message):
        record(env, docname, Violation(node.source or path, _line(node), rule, message))

    for raw in list(doctree.findall(nodes.raw)):
        breach(raw, policy.RAW, policy.raw_problem(raw.get("format", "")))
        raw.parent.remove(raw)
    for reference in list(doctree.findall(nodes.reference)):
        if problem := policy.link_problem(reference.get("refuri", "")):
            breach(reference, policy.SCHEME, problem)
            reference.replace_self(reference.children or [nodes.Text(reference.astext())])
    for image in list(doctree.findall(nodes.image)):
        uri = image.get("uri", "")
        problem = policy.link_problem(uri) or policy.active_file_problem(uri)
        if problem:
            breach(image, policy.SCHEME if policy.link_problem(uri) else policy.ACTIVE, problem)
            image.parent.remove(image)
    for download in list(doctree.findall(addnodes.download_reference)):
        if problem := policy.active_file_problem(download.get("reftarget", "")):
            breach(download, policy.ACTIVE, problem)
            download.replace_self(nodes.Text(download.astext()))
    seen: dict[str, int] = {}
    for meta in list(doctree.findall(nodes.meta)):
        attributes = {key: meta[key] for key in ("name", "http-equiv", "property") if key in meta}
        if problem := policy.meta_problem(attributes):
            kind, value = next(iter(attributes.items()))
            needle = f"{kind}={value}"
            line = _line_naming(path, needle, seen.get(needle, 0))
            seen[needle] = seen.get(needle, 0) + 1
            record(env, docname, Violation(path, line, policy.META, problem))
            meta.parent.remove(meta)


def neutralise_resolved(app, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: links that extensions made from data (a bibliography note, say)
    exist only now; one with a forbidden scheme is reported and left as text."""
    for reference in list(doctree.findall(nodes.reference)):
        if problem := policy.link_problem(reference.get("refuri", "")):
            logger.warning(
                f"{problem} (from data, shown as text)",
                location=reference,
                type="sitechecks",
                subtype=policy.SCHEME,
            )
            reference.replace_self(reference.children or [nodes.Text(reference.astext())])


def check_bibliography(app, env) -> None:
    """``env-check-consistency``: every field of every entry, at its line in the .bib file."""
    from .biblocations import locate

    try:
        bibdata = env.get_domain("cite").bibdata
    except Exception:  # noqa: BLE001 - a project without sphinxcontrib-bibtex
        return
    locations = locate(sorted(bibdata.bibfiles))
    for key, entry in bibdata.data.entries.items():
        for name, value in entry.fields.items():
            fetched = name.lower() in ("url", "archiveurl")
            problem = policy.fetch_problem(value) if fetched else None
            for message in [problem] if problem else ([] if fetched else policy.text_problems(value)):
                path, line = locations.place(key, name.lower())
                logger.warning(
                    f"{key}: {name} {message}",
                    location=f"{path}:{line}" if line else str(path),
                    type="sitechecks",
                    subtype=policy.SCHEME,
                )


def data_files(srcdir: Path) -> list[Path]:
    """The project's TOML data files (infobox, gazetteer), outside build output."""
    return sorted(
        path
        for path in Path(srcdir).rglob("*.toml")
        if not any(part.startswith(("_build", ".")) for part in path.relative_to(srcdir).parts)
    )


def check_data_file(path: Path) -> list[Violation]:
    """Text in a TOML data file must be inline markup; an unreadable file is one violation."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [Violation(str(path), None, "data-file", f"cannot read {path.name}: {error}")]
    return [
        Violation(str(path), line, policy.INLINE if line else "data-file", problem)
        for line, problem in policy.data_text_problems(text)
    ]


def check_data_files(app) -> None:
    """``builder-inited``: the data files' text, once per build."""
    for path in data_files(Path(app.srcdir)):
        for violation in check_data_file(path):
            logger.warning(
                violation.message,
                location=_where(violation),
                type="sitechecks",
                subtype=violation.rule,
            )


def purge(app, env, docname: str) -> None:
    _violations(env).pop(docname, None)


def merge(app, env, docnames, other) -> None:
    for docname in docnames:
        if docname in _violations(other):
            _violations(env)[docname] = _violations(other)[docname]


def setup(app) -> None:
    app.add_directive("csv-table", PolicyCSVTable, override=True)
    app.add_directive("raw", PolicyRaw, override=True)
    app.add_directive("literalinclude", PolicyLiteralInclude, override=True)
    app.connect("include-read", refuse_outside_include)
    app.connect("doctree-read", check_doctree)
    app.connect("builder-inited", check_data_files)
    app.connect("env-check-consistency", check_bibliography)
    app.connect("doctree-resolved", neutralise_resolved)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
