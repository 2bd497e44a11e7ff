"""Bring the translation catalogs up to date, writing a file only when its messages change.

    python -m catalogcheck.refresh pages TEMPLATES LOCALES -l es
    python -m catalogcheck.refresh extensions PACKAGE [PACKAGE ...] -l es

``pages`` reads the page templates that ``sphinx-build -b gettext`` wrote into TEMPLATES
and updates ``LOCALES/<lang>/LC_MESSAGES/<page>.po``. ``extensions`` extracts the strings
each extension package marks with ``_()`` into ``locales/<name>.pot``, updates
``locales/<lang>/LC_MESSAGES/<name>.po`` and compiles its ``.mo``.

What a contributor would otherwise find in every pull request is avoided: a catalog whose
messages did not change is not written at all, and a catalog that is written keeps its
header byte for byte (no new ``POT-Creation-Date`` or ``Generated-By`` line). A new
catalog takes the header of its neighbours (the page's name put in), never the template's
fuzzy one. A message whose English changed keeps its old translation marked fuzzy, with
the old English beside it in ``#| msgid`` lines, if it is a sentence of at least
``SUGGEST_MIN_WORDS`` words; a shorter one (a heading) starts empty, because the nearest
old heading is seldom its translation.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import normalize, read_po, unescape, write_po

#: Fewer words than this and a changed message is not offered its old translation.
SUGGEST_MIN_WORDS = 8
WIDTH = 76
_HEADER = re.compile(r'^msgid ""\nmsgstr ""\n(?:".*"\n)*', re.M)
_PAGE_NAME = re.compile(r'(the page ")[^"]*(")')


def read(path_or_text: Path | str, locale: str | None = None) -> Catalog:
    data = path_or_text.read_bytes() if isinstance(path_or_text, Path) else path_or_text.encode()
    catalog = read_po(io.BytesIO(data), locale=locale)
    # Babel reads '#|' lines as translator comments ("| msgid ..."): make them the old
    # English again.
    for message in [*catalog, *catalog.obsolete.values()]:
        previous = [line[1:].strip() for line in message.user_comments if line.startswith("|")]
        if previous:
            message.user_comments = [line for line in message.user_comments
                                     if not line.startswith("|")]
            message.previous_id = [previous_text(previous)]
    return catalog


def previous_text(lines: list[str]) -> str:
    """The text of '#| msgid "…"' lines and the '#| "…"' lines that continue it."""
    quoted = " ".join(lines).removeprefix("msgid").strip()
    return "".join(unescape(piece) for piece in re.findall(r'"(?:[^"\\]|\\.)*"', quoted))


def render(catalog: Catalog, **options) -> str:
    """The catalog as text; the old English of a fuzzy message in '#| msgid' lines.

    Babel's own writer wraps a long old msgid as if it were prose, which no reader parses,
    so the lines are written here, as translator comments turned into '#|' lines.
    """
    for message in [*catalog, *catalog.obsolete.values()]:
        if message.previous_id:
            lines = f"msgid {normalize(message.previous_id[0], width=WIDTH - 6)}".split("\n")
            message.user_comments = [*message.user_comments, *(f"| {line}" for line in lines)]
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, **options)
    text = re.sub(r"^# \| ", "#| ", buffer.getvalue().decode("utf-8"), flags=re.M)
    # gettext's order: flags ('#,') before the old msgid ('#|').
    return re.sub(r"((?:^#\| .*\n)+)(^#, .*\n)", r"\2\1", text, flags=re.M)


def split_header(text: str) -> tuple[str, str]:
    """The header (comments and the ``msgid ""`` entry) and the messages after it."""
    match = _HEADER.search(text)
    if not match:
        return "", text
    return text[: match.end()], text[match.end():]


def messages_of(catalog: Catalog) -> tuple:
    """What a translator sees of a catalog, without its header: the messages in order."""
    def shown(message) -> tuple:
        return (message.id, message.string, message.context, tuple(sorted(message.flags)),
                tuple(message.previous_id or ()), tuple(message.auto_comments),
                tuple(message.user_comments))
    return (tuple(shown(message) for message in catalog if message.id),
            tuple(shown(message) for message in catalog.obsolete.values()))


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M%z")


def language_name(code: str) -> str:
    try:
        return Locale.parse(code).english_name or code
    except (ValueError, UnknownLocaleError):
        return code


def header_for(path: Path, template: Catalog, language: str, neighbours: list[Path]) -> str:
    """The header of a new catalog: a neighbour's, with this page's name and today's dates."""
    now = stamp(datetime.now(timezone.utc))
    for neighbour in neighbours:
        if neighbour.is_file() and neighbour != path:
            header, _ = split_header(neighbour.read_text(encoding="utf-8"))
            if header:
                header = _PAGE_NAME.sub(rf"\g<1>{path.stem}\g<2>", header, count=1)
                header = re.sub(r'"POT-Creation-Date: [^"\\]*\\n"',
                                f'"POT-Creation-Date: {stamp(template.creation_date)}\\\\n"', header)
                return re.sub(r'"PO-Revision-Date: [^"\\]*\\n"',
                              f'"PO-Revision-Date: {now}\\\\n"', header)
    name = language_name(language)
    fresh = Catalog(
        locale=language, project=template.project, version=template.version,
        copyright_holder=template.copyright_holder, creation_date=template.creation_date,
        revision_date=datetime.now(timezone.utc), fuzzy=False, language_team=name,
        last_translator="the project's translators",
        header_comment=f'# {name} translation of the page "{path.stem}".\n#',
    )
    return split_header(render(fresh))[0]


def refresh(path: Path, template: Catalog, language: str, *, fuzzy: bool,
            neighbours: list[Path]) -> str:
    """Update (or create) the catalog at *path* from *template*; say what happened."""
    if not path.exists():
        catalog = Catalog(locale=language, fuzzy=False)
        for message in template:
            if message.id:
                catalog[message.id] = message
        path.parent.mkdir(parents=True, exist_ok=True)
        body = split_header(render(catalog))[1]
        path.write_text(header_for(path, template, language, neighbours) + body, encoding="utf-8")
        return f"created {path} ({len(catalog)} messages to translate)"

    text = path.read_text(encoding="utf-8")
    before = read(text, language)
    catalog = read(text, language)
    known = {message.id for message in before if message.id}
    catalog.update(template, no_fuzzy_matching=not fuzzy, update_header_comment=False)
    for message in catalog:
        if message.id in known and not message.previous_id:
            # Babel drops the '#|' lines of a fuzzy message it finds unchanged.
            message.previous_id = list(before[message.id].previous_id or ())
        if (message.id and message.id not in known and message.fuzzy
                and len(str(message.id).split()) < SUGGEST_MIN_WORDS):
            for old_id in message.previous_id or ():
                if old_id in before:
                    catalog.obsolete[old_id] = before[old_id]
            message.string = ""
            message.flags.discard("fuzzy")
            message.previous_id = []
    if messages_of(catalog) == messages_of(before):
        return f"unchanged {path}"
    added = {m.id for m in catalog if m.id} - known
    header = split_header(text)[0]
    path.write_text(header + split_header(render(catalog))[1], encoding="utf-8")
    fuzzy_count = sum(1 for m in catalog if m.id in added and m.fuzzy)
    return (f"updated {path}: {len(added)} new message(s) ({fuzzy_count} with a fuzzy "
            f"suggestion), {len(catalog.obsolete)} obsolete")


def compile_catalog(po: Path) -> str:
    """Write the .mo beside *po* when the translations it holds differ from the .po's."""
    catalog = read(po)
    wanted = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
    mo = po.with_suffix(".mo")
    if mo.exists():
        with mo.open("rb") as file:
            have = {m.id: m.string for m in read_mo(file) if m.id}
        if have == wanted:
            return f"unchanged {mo}"
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    mo.write_bytes(buffer.getvalue())
    return f"compiled {mo} ({len(wanted)} of {sum(1 for m in catalog if m.id)} translated)"


def refresh_pages(templates: Path, locales: Path, languages: list[str]) -> list[str]:
    report = []
    for pot in sorted(templates.rglob("*.pot")):
        template = read(pot)
        relative = pot.relative_to(templates).with_suffix(".po")
        for language in languages:
            folder = locales / language / "LC_MESSAGES"
            neighbours = [folder / "index.po", *sorted(folder.glob("*.po"))]
            report.append(refresh(folder / relative, template, language, fuzzy=True,
                                  neighbours=neighbours))
    return report


def extract(package: Path) -> str:
    """The package's ``_()`` strings as a template: no header, no locations, sorted."""
    catalog = Catalog()
    keywords = dict(DEFAULT_KEYWORDS, __=None)
    for _file, _line, message, _comments, context in extract_from_dir(
        package, method_map=[("**.py", "python")], keywords=keywords
    ):
        catalog.add(message, None, context=context)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, omit_header=True, sort_output=True, no_location=True)
    return buffer.getvalue().decode("utf-8")


def refresh_extensions(packages: list[Path], languages: list[str]) -> list[str]:
    report = []
    for package in packages:
        domain = package.name
        pot = package / "locales" / f"{domain}.pot"
        text = extract(package)
        if not pot.exists() or pot.read_text(encoding="utf-8") != text:
            pot.parent.mkdir(parents=True, exist_ok=True)
            pot.write_text(text, encoding="utf-8")
            report.append(f"extracted {pot}")
        template = read(text)
        for language in languages:
            po = package / "locales" / language / "LC_MESSAGES" / f"{domain}.po"
            neighbours = [other / "locales" / language / "LC_MESSAGES" / f"{other.name}.po"
                          for other in packages if other != package]
            report.append(refresh(po, template, language, fuzzy=False, neighbours=neighbours))
            report.append(compile_catalog(po))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-l", "--language", action="append", required=True,
                        help="a language to refresh (repeat for several)")
    kinds = parser.add_subparsers(dest="kind", required=True)
    pages = kinds.add_parser("pages", parents=[common],
                             help="the page catalogs, from sphinx-build -b gettext")
    pages.add_argument("templates", type=Path, help="the folder of .pot files")
    pages.add_argument("locales", type=Path, help="the folder that holds <lang>/LC_MESSAGES")
    extensions = kinds.add_parser("extensions", parents=[common],
                                  help="the extensions' own catalogs")
    extensions.add_argument("packages", type=Path, nargs="+", help="extension package folders")
    args = parser.parse_args(argv)
    if args.kind == "pages":
        report = refresh_pages(args.templates, args.locales, args.language)
    else:
        report = refresh_extensions(args.packages, args.language)
    for line in report:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
