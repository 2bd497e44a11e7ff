"""Record each page's messages as they are read, and report the catalogs' gaps every build.

The messages are taken just before Sphinx's own ``Locale`` transform translates the page,
the way ``sphinx-build -b gettext`` extracts them, so they are exactly the msgids the page
catalog must hold. The catalogs are compared on every build (``env-updated``), incremental
ones included, so a gap keeps failing ``-W`` until it is filled.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.pofile import PoFileError, read_po
from docutils import nodes
from sphinx import locale
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

logger = logging.getLogger(__name__)

#: env attribute: {docname: [(msgid, line on the page), ...]}, in reading order.
MESSAGES = "catalogcheck_messages"


def translated_build(config) -> bool:
    return bool(config.language) and config.language != config.catalogcheck_source_language


def page_line(node: nodes.Element) -> int | None:
    while node is not None:
        if node.line:
            return node.line
        node = node.parent
    return None


def extension_translations() -> set[str]:
    """Every string the extensions' own catalogs give for this build's language.

    An extension writes such text already translated (chronicle's "Salida" for "Departed"),
    so it is in no page catalog and is no gap.
    """
    found: set[str] = set()
    for (_namespace, catalog), translator in list(locale.translators.items()):
        if catalog == "sphinx":
            continue
        while translator is not None:
            found.update(text for key, text in getattr(translator, "_catalog", {}).items()
                         if key and isinstance(text, str))
            translator = getattr(translator, "_fallback", None)
    return found


def front_matter(document: nodes.document) -> list[nodes.Element]:
    """The page's front matter: docutils' DocInfo transform (priority 340) turns a field list
    at the top into it, and Sphinx keeps it as metadata, never as text to translate."""
    found = list(document.findall(nodes.docinfo))
    index = document.first_child_not_matching_class(nodes.PreBibliographic)
    if index is not None and isinstance(document[index], nodes.field_list):
        found.append(document[index])
    return found


class RecordMessages(SphinxTransform):
    """Keep the page's translatable messages, before they are translated."""

    # Sphinx's Locale transform, which replaces the messages, runs at 20.
    default_priority = 15

    def apply(self, **kwargs) -> None:
        if not translated_build(self.config):
            return
        skipped = {id(node) for info in front_matter(self.document) for node in info.findall()}
        ready = extension_translations()
        seen: dict[str, int | None] = {}
        for node, message in extract_messages(self.document):
            if id(node) not in skipped and message not in ready:
                seen.setdefault(message, page_line(node))
        store = self.env.__dict__.setdefault(MESSAGES, {})
        store[self.env.docname] = list(seen.items())


def purge_messages(app, env, docname: str) -> None:
    env.__dict__.get(MESSAGES, {}).pop(docname, None)


def merge_messages(app, env, docnames, other) -> None:
    theirs = other.__dict__.get(MESSAGES, {})
    store = env.__dict__.setdefault(MESSAGES, {})
    for docname in docnames:
        if docname in theirs:
            store[docname] = theirs[docname]


def language_name(code: str) -> str:
    try:
        return Locale.parse(code).english_name or code
    except (ValueError, UnknownLocaleError):
        return code


def shorten(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= width else f'"{text[:width - 1]}…"'


class Reporter:
    def __init__(self, app, env) -> None:
        self.env = env
        self.config = app.config
        self.language = app.config.language
        self.name = language_name(self.language)
        self.command = app.config.catalogcheck_refresh_command
        self.checked: set[Path] = set()

    def warn(self, message: str, location, subtype: str) -> None:
        logger.warning(message, location=location, type="catalog", subtype=subtype)

    def catalog_path(self, docname: str) -> Path:
        domain = docname_to_domain(docname, self.config.gettext_compact)
        paths = [Path(self.env.srcdir, directory, self.language, "LC_MESSAGES", f"{domain}.po")
                 for directory in self.config.locale_dirs]
        return next((path for path in paths if path.is_file()), paths[0] if paths else Path())

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.env.srcdir).as_posix()
        except ValueError:
            return path.as_posix()

    def check_page(self, docname: str, messages: list[tuple[str, int | None]]) -> None:
        path = self.catalog_path(docname)
        if not path.is_file():
            self.warn(f"no {self.name} catalog for this page ({self.shown(path)}): "
                      f"run {self.command} and translate it", docname, "missing")
            return
        try:
            with path.open("rb") as file:
                catalog = read_po(file, abort_invalid=True)
        except (PoFileError, UnicodeDecodeError, ValueError) as exc:
            if path not in self.checked:
                self.checked.add(path)
                self.warn(f"the {self.name} catalog cannot be read: {exc}", str(path), "syntax")
            return
        page_name = Path(self.env.doc2path(docname)).name
        for msgid, line in messages:
            message = catalog.get(msgid)
            where = f"{page_name}:{line}" if line else page_name
            if message is None:
                self.warn(f"not in the {self.name} catalog {self.shown(path)}: {shorten(msgid)}; "
                          f"run {self.command} and translate it",
                          (docname, line), "missing")
            elif message.fuzzy:
                self.warn(f"fuzzy ({where}): the English changed since this was translated: "
                          f"{shorten(msgid)}; compare the translation with the new English "
                          "(the '#|' lines show the old one), correct it and delete the "
                          "'#, fuzzy' line", f"{path}:{message.lineno}", "fuzzy")
            elif not message.string.strip():
                self.warn(f"not translated ({where}): {shorten(msgid)}; write its {self.name} "
                          "in the msgstr under it", f"{path}:{message.lineno}", "untranslated")
        if path not in self.checked:
            self.checked.add(path)
            self.check_catalog(path, catalog)

    def check_catalog(self, path: Path, catalog) -> None:
        if catalog.fuzzy:
            self.warn("the catalog's header is marked fuzzy: delete the '#, fuzzy' line above "
                      "its first msgid \"\"", f"{path}:{header_line(path)}", "header")
        for message in catalog.obsolete.values():
            self.warn(f"obsolete: {shorten(message.id)} is no longer on the page; reuse its "
                      "translation if it helps, then delete this '#~' entry",
                      f"{path}:{message.lineno}", "obsolete")


def header_line(path: Path) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("#,") and "fuzzy" in line:
            return number
        if line.startswith("msgid"):
            return number
    return 1


def check_catalogs(app, env) -> None:
    if not translated_build(app.config) or app.builder.format != "html":
        return
    reporter = Reporter(app, env)
    store = env.__dict__.get(MESSAGES, {})
    for docname in sorted(store):
        if docname in env.all_docs and store[docname]:
            reporter.check_page(docname, store[docname])
