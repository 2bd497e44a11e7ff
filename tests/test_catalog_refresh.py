"""Refreshing the catalogs (python3 dev.py translations / catalogs) touches only what changed.

A new page's catalog gets the project's header, not the template's fuzzy one; a catalog
whose messages did not change is not written; one that did keeps its header byte for byte;
a changed sentence keeps its old translation, fuzzy, with the old English beside it, while
a changed heading starts empty. On the real site, a refresh from a clean checkout changes
no committed catalog.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from catalogcheck.refresh import read as refresh_read
from catalogcheck.refresh import refresh_extensions, refresh_pages
from sphinx.testing.util import SphinxTestApp

from conftest import sphinx_build

ROOT = Path(__file__).resolve().parent.parent
TEST_ROOT = ROOT / "tests" / "roots" / "test-catalogcheck"
EXTENSIONS_WITH_CATALOGS = ["chronicle", "infobox", "newsbib", "opmap", "scholarmeta",
                            "sitechrome"]


def gettext(srcdir: Path, outdir: Path) -> Path:
    app = SphinxTestApp("gettext", srcdir=srcdir, builddir=outdir)
    try:
        app.build()
    finally:
        app.cleanup()
    return outdir / "gettext"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def catalog(path: Path):
    with path.open("rb") as file:
        return read_po(file)


@pytest.fixture
def project(tmp_path) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(TEST_ROOT, srcdir)
    return srcdir


def test_new_page_catalog_has_the_project_header(project, tmp_path):
    report = refresh_pages(gettext(project, tmp_path / "build"), project / "locales", ["es"])
    assert any(line.startswith("created") and "fresh.po" in line for line in report)
    new = project / "locales" / "es" / "LC_MESSAGES" / "fresh.po"
    made = catalog(new)
    assert not made.fuzzy
    text = new.read_text(encoding="utf-8")
    assert text.startswith('# Spanish translation of the page "fresh".\n')
    assert "#, fuzzy" not in text
    assert '"Project-Id-Version: catalogcheck test\\n"' in text
    assert [m.id for m in made if m.id] == ["A new page", "Its catalog has not been made yet."]


def test_unchanged_catalogs_are_not_written(project, tmp_path):
    templates = gettext(project, tmp_path / "build")
    refresh_pages(templates, project / "locales", ["es"])
    after_first = snapshot(project / "locales")
    report = refresh_pages(templates, project / "locales", ["es"])
    assert all(line.startswith("unchanged") for line in report), report
    assert snapshot(project / "locales") == after_first
    # index.po was complete from the start: never written.
    assert (after_first["es/LC_MESSAGES/index.po"]
            == (TEST_ROOT / "locales/es/LC_MESSAGES/index.po").read_bytes())


def test_updated_catalog_keeps_its_header(project, tmp_path):
    page_po = project / "locales" / "es" / "LC_MESSAGES" / "page.po"
    header = page_po.read_text(encoding="utf-8").split('msgid "The page"')[0]
    refresh_pages(gettext(project, tmp_path / "build"), project / "locales", ["es"])
    text = page_po.read_text(encoding="utf-8")
    assert text.startswith(header)
    assert 'msgid "This sentence was added after the last refresh of the catalog."' in text


def test_changed_sentence_keeps_its_old_translation_beside_the_old_english(project, tmp_path):
    page = project / "page.md"
    page.write_text(page.read_text(encoding="utf-8")
                    .replace("The convoy left at night, and reached the north the next day.",
                             "The convoy left at night, and reached the north two days later.")
                    .replace("# The page", "# The changed page"), encoding="utf-8")
    refresh_pages(gettext(project, tmp_path / "build"), project / "locales", ["es"])
    page_po = project / "locales" / "es" / "LC_MESSAGES" / "page.po"
    updated = catalog(page_po)
    sentence = updated["The convoy left at night, and reached the north two days later."]
    assert sentence.fuzzy
    assert sentence.string == "El convoy salió de noche y llegó al norte al día siguiente."
    assert ('#| msgid "The convoy left at night, and reached the north the next day."'
            in page_po.read_text(encoding="utf-8"))
    heading = updated["The changed page"]
    assert heading.string == "" and not heading.fuzzy
    assert "The page" in updated.obsolete


def test_long_old_english_is_kept_readable_across_refreshes(project, tmp_path):
    page = project / "page.md"
    old = "The English of this sentence was changed after it was translated."
    longer = ("The English of this sentence was changed after it was translated, and then "
              "it was changed once more, so that it no longer fits on one line of the file.")
    page.write_text(page.read_text(encoding="utf-8").replace(old, longer), encoding="utf-8")
    templates = gettext(project, tmp_path / "build")
    refresh_pages(templates, project / "locales", ["es"])
    page_po = project / "locales" / "es" / "LC_MESSAGES" / "page.po"
    text = page_po.read_text(encoding="utf-8")
    assert f'#| msgid "{old}"' in text
    # Refreshed again with the same pages: nothing is written, the old English survives.
    assert all(line.startswith("unchanged")
               for line in refresh_pages(templates, project / "locales", ["es"]))
    assert page_po.read_text(encoding="utf-8") == text
    assert refresh_read(page_po)[longer].previous_id == [old]


def test_refresh_of_the_real_page_catalogs_changes_nothing(tmp_path):
    templates = tmp_path / "gettext"
    sphinx_build("gettext", templates)
    locales = tmp_path / "locales"
    shutil.copytree(ROOT / "docs" / "locales", locales,
                    ignore=shutil.ignore_patterns("*.mo"))
    before = snapshot(locales)
    report = refresh_pages(templates, locales, ["es"])
    assert all(line.startswith("unchanged") for line in report), report
    assert snapshot(locales) == before


def extension_folder(name: str) -> Path:
    """An extension's package folder: chronicle and newsbib are sphinx-chronicle's."""
    packaged = ROOT / "packages" / "sphinx-chronicle" / "src" / name
    return packaged if packaged.is_dir() else ROOT / "extensions" / name


def test_refresh_of_the_real_extension_catalogs_changes_nothing(tmp_path):
    packages = []
    for name in EXTENSIONS_WITH_CATALOGS:
        shutil.copytree(extension_folder(name), tmp_path / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
        packages.append(tmp_path / name)
    before = snapshot(tmp_path)
    report = refresh_extensions(packages, ["es"])
    assert all(line.startswith("unchanged") for line in report), report
    assert snapshot(tmp_path) == before
