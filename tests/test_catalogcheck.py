"""A translated build reports every gap of its page catalogs at the catalog's line.

The root (tests/roots/test-catalogcheck) has a page whose Spanish catalog holds one
translated message, one untranslated, one fuzzy, an obsolete entry and a fuzzy header, and
lacks one message; and a page with no catalog at all. ``python3 dev.py docs`` builds with
-W, so each of these fails the build in seconds instead of showing English in the Spanish
site.
"""

from __future__ import annotations

import re

import pytest
from chronicle_support import CRASH, warnings

SPANISH = {"language": "es"}


def catalog_warnings(app) -> list[str]:
    """The catalog warnings, with the build's folder left out of their locations."""
    return [line.replace(str(app.srcdir), "<src>") for line in warnings(app).splitlines()
            if "[catalog." in line]


@pytest.fixture(scope="module")
def spanish(chronicle_builds):
    return chronicle_builds("catalogcheck", "html", confoverrides=SPANISH)


def test_untranslated_message_is_reported_at_its_catalog_line(spanish):
    log = warnings(spanish)
    assert re.search(
        r"locales/es/LC_MESSAGES/page\.po:18: WARNING: not translated \(page\.md:5\): "
        r'"Nobody has translated this sentence yet\."; write its Spanish in the msgstr under it '
        r"\[catalog\.untranslated\]", log)


def test_fuzzy_message_is_reported_at_its_catalog_line(spanish):
    log = warnings(spanish)
    assert re.search(r"page\.po:23: WARNING: fuzzy \(page\.md:7\): the English changed", log)
    assert "delete the '#, fuzzy' line [catalog.fuzzy]" in log


def test_message_missing_from_the_catalog_is_reported_at_the_page_line(spanish):
    assert re.search(
        r"page\.md:9: WARNING: not in the Spanish catalog locales/es/LC_MESSAGES/page\.po: "
        r'"This sentence was added after the last refresh of the catalog\."; '
        r"run python3 dev.py translations and translate it \[catalog\.missing\]",
        warnings(spanish))


def test_page_without_a_catalog_is_reported_once(spanish):
    found = [line for line in catalog_warnings(spanish) if "fresh.md" in line]
    assert len(found) == 1
    assert re.search(r"<src>/fresh\.md: WARNING: no Spanish catalog for this page "
                     r"\(locales/es/LC_MESSAGES/fresh\.po\): run python3 dev\.py translations",
                     found[0])


def test_fuzzy_header_and_obsolete_entries_are_reported(spanish):
    log = warnings(spanish)
    assert "page.po:3: WARNING: the catalog's header is marked fuzzy" in log
    assert re.search(r'page\.po:26: WARNING: obsolete: "A sentence that was removed from the '
                     r'page\." is no longer on the page', log)


def test_translated_messages_are_not_reported(spanish):
    assert len(catalog_warnings(spanish)) == 6
    assert "index.po" not in warnings(spanish)
    assert "The convoy left at night" not in warnings(spanish)
    assert not CRASH.search(warnings(spanish))
    page = (spanish.outdir / "page.html").read_text(encoding="utf-8")
    assert "El convoy salió de noche y llegó al norte al día siguiente." in page


def test_english_build_checks_nothing(chronicle_builds):
    english = chronicle_builds("catalogcheck", "html")
    assert catalog_warnings(english) == []


def test_parallel_read_reports_the_same_gaps(chronicle_builds, spanish):
    expected = sorted(catalog_warnings(spanish))
    parallel = chronicle_builds("catalogcheck", "html", confoverrides=SPANISH, parallel=2)
    assert sorted(catalog_warnings(parallel)) == expected


def test_gaps_fail_every_build_until_filled(chronicle_builds):
    app = chronicle_builds.fresh("catalogcheck", "html", confoverrides=SPANISH)
    app.build()
    first = catalog_warnings(app)
    # Nothing changed: Sphinx reads no page again, and the gaps are still reported.
    app.warning.truncate(0)
    app.warning.seek(0)
    app.build()
    assert catalog_warnings(app) == first

    catalog = app.srcdir / "locales" / "es" / "LC_MESSAGES" / "page.po"
    text = catalog.read_text(encoding="utf-8")
    text = text.replace('yet."\nmsgstr ""', 'yet."\nmsgstr "Nadie ha traducido aún esta frase."')
    catalog.write_text(text, encoding="utf-8")
    app.warning.truncate(0)
    app.warning.seek(0)
    app.build()
    assert "not translated" not in warnings(app)
    assert len(catalog_warnings(app)) == len(first) - 1
    chronicle_builds.close()
