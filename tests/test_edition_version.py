"""The edition's version and date: read from the release tag, shown on every page and the PDF.

The version comes from ``git describe`` on ``vYYYY.MM`` tags (checked here in throwaway
repositories), and the real site shows the edition of this checkout: in the footer of each
page (from the ``html_context`` values ``edition_version``/``edition_date``/``edition_commit``),
and in the PDF's title page and metadata.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from editions import release
from editions.edition import current_edition

ROOT = Path(__file__).resolve().parent.parent
GIT = shutil.which("git")


@pytest.fixture
def clean_env(monkeypatch):
    for name in ("SOURCE_DATE_EPOCH", "EDITION_VERSION"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def git(repo: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_COMMITTER_DATE": "2026-12-01T10:00:00Z",
           "GIT_AUTHOR_DATE": "2026-12-01T10:00:00Z", "PATH": "/usr/bin:/bin",
           "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture
def repo(tmp_path, clean_env) -> Path:
    if GIT is None:
        pytest.skip("git is not installed")
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "a.txt").write_text("one\n")
    git(tmp_path, "add", "a.txt")
    git(tmp_path, "commit", "-q", "-m", "one")
    return tmp_path


def record(folder: Path, version: str, date: str) -> None:
    (folder / "docs" / "_editions" / version).mkdir(parents=True)
    (folder / "docs" / "_editions" / version / "edition.json").write_text(
        json.dumps({"version": version, "date": date}))


def test_on_the_tag_the_version_is_the_tags(repo):
    git(repo, "tag", "-a", "v2026.12", "-m", "Edition 2026.12")
    edition = current_edition(repo)
    assert (edition.version, edition.date) == ("2026.12", dt.date(2026, 12, 1))
    assert edition.commit == git(repo, "rev-parse", "HEAD")


def test_after_the_tag_the_version_says_how_far_and_whether_dirty(repo):
    git(repo, "tag", "v2026.12")
    (repo / "a.txt").write_text("two\n")
    git(repo, "commit", "-q", "-am", "two")
    short = git(repo, "rev-parse", "--short=7", "HEAD")
    assert current_edition(repo).version == f"2026.12+1.g{short}"
    (repo / "a.txt").write_text("three\n")
    assert current_edition(repo).version == f"2026.12+1.g{short}.dirty"


def test_other_tags_are_not_editions(repo):
    git(repo, "tag", "v1.0")
    record(repo, "2026.11", "2026-11-30")
    short = git(repo, "rev-parse", "--short=7", "HEAD")
    assert current_edition(repo).version == f"2026.11+g{short}"


def test_without_git_the_last_recorded_edition_with_its_date(tmp_path, clean_env):
    record(tmp_path, "2026.05", "2026-05-02")
    record(tmp_path, "2026.11", "2026-11-30")
    edition = current_edition(tmp_path)
    assert (edition.version, edition.date, edition.commit) == ("2026.11", dt.date(2026, 11, 30), "")


def test_source_date_epoch_and_edition_version_are_respected(repo):
    git(repo, "tag", "v2026.12")
    repo_env = pytest.MonkeyPatch()
    try:
        repo_env.setenv("SOURCE_DATE_EPOCH", "1714521600")
        repo_env.setenv("EDITION_VERSION", "v2027.01")
        edition = current_edition(repo)
    finally:
        repo_env.undo()
    assert (edition.version, edition.date) == ("2027.01", dt.date(2024, 5, 1))


@pytest.mark.sphinx("html", testroot="editions")
def test_templates_get_the_edition_in_html_context(clean_env, app):
    # The test root is copied outside git: its edition is the last one it records.
    assert {name: app.config.html_context[name]
            for name in ("edition_version", "edition_date", "edition_commit")} == {
        "edition_version": "2026.02", "edition_date": "2026-02-10", "edition_commit": ""}
    assert app.config.version == "2026.02"


# -- the real site -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def this_edition():
    return current_edition(ROOT / "docs", ROOT / "docs" / "_editions")


@pytest.mark.site
@pytest.mark.parametrize("page", ["index", "evacuation", "changes"])
def test_every_page_names_the_edition_in_its_footer(site_html, site_html_es, this_edition, page):
    for site, words in ((site_html, "Edition"), (site_html_es, "Edición")):
        soup = BeautifulSoup((site / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
        footer = soup.select_one("footer p.edition")
        assert footer is not None, f"no edition in the footer of {site / page}.html"
        # html_context: edition_version, edition_date, edition_commit.
        assert footer["data-edition-version"] == this_edition.version
        assert footer["data-edition-date"] == this_edition.date.isoformat()
        assert footer["data-edition-commit"] == this_edition.commit
        assert f"{words} {this_edition.version}," in footer.get_text()
        # The link to "What changed" (on that page itself, to its top).
        assert footer.find("a")["href"] == ("#" if page == "changes" else "changes.html")


@pytest.mark.site
def test_the_change_log_page_lists_the_first_edition_in_both_languages(site_html, site_html_es):
    english = " ".join((BeautifulSoup((site_html / "changes.html").read_text(encoding="utf-8"),
                                      "html.parser").get_text()).split())
    spanish = " ".join((BeautifulSoup((site_html_es / "changes.html").read_text(encoding="utf-8"),
                                      "html.parser").get_text()).split())
    assert re.search(r"Edition 2026\.11, 30 November 2026.*The first edition: \d+ events", english)
    assert re.search(r"Edición 2026\.11, 30 de noviembre de 2026.*La primera edición: \d+ sucesos",
                     spanish)


@pytest.mark.site
def test_the_pdf_names_the_edition_on_its_title_page_and_in_its_metadata(site_pdf, this_edition):
    pypdf = pytest.importorskip("pypdf")
    # The fixture builds with SOURCE_DATE_EPOCH = 1 May 2024: the edition's date.
    for language, words, date in (("en", "Edition", "1 May 2024"),
                                  ("es", "Edición", "1 de mayo de 2024")):
        reader = pypdf.PdfReader(site_pdf[language])
        assert reader.metadata["/Edition"] == this_edition.version
        assert reader.metadata["/EditionDate"] == "2024-05-01"
        title_page = " ".join(reader.pages[0].extract_text().split())
        assert date in title_page and f"{words} {this_edition.version}" in title_page, title_page


# -- the release's citation files --------------------------------------------------------------

def test_citation_files_carry_the_last_recorded_edition():
    editions = sorted((ROOT / "docs" / "_editions").glob("*/edition.json"))
    last = json.loads(editions[-1].read_text(encoding="utf-8"))
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert f'version: "{last["version"]}"' in cff
    assert f"date-released: {last['date']}" in cff
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    assert (zenodo["version"], zenodo["publication_date"]) == (last["version"], last["date"])


def test_recording_an_edition_keeps_its_exports_and_updates_the_citation_files(tmp_path, capsys):
    editions = Path(__file__).parent / "roots" / "test-editions" / "_editions"
    html = tmp_path / "html"
    shutil.copytree(editions / "2026.02" / "en", html / "en" / "_data")
    shutil.copytree(editions / "2026.01", tmp_path / "docs" / "_editions" / "2026.01")
    shutil.copy2(ROOT / "CITATION.cff", tmp_path / "CITATION.cff")
    shutil.copy2(ROOT / ".zenodo.json", tmp_path / ".zenodo.json")
    arguments = ["record", "--version", "2026.02", "--date", "2026-02-10", "--html", str(html),
                 "--root", str(tmp_path), "--languages", "en"]
    assert release.main(arguments) == 0
    recorded = tmp_path / "docs" / "_editions" / "2026.02"
    assert json.loads((recorded / "edition.json").read_text()) == {"version": "2026.02",
                                                                   "date": "2026-02-10"}
    assert sorted(path.name for path in (recorded / "en").iterdir()) == [
        "bibliography.csl.json", "convoys.csv", "events.json", "reported.json"]
    assert 'version: "2026.02"' in (tmp_path / "CITATION.cff").read_text()
    assert json.loads((tmp_path / ".zenodo.json").read_text())["version"] == "2026.02"
    out = capsys.readouterr().out
    assert "since 2026.01: events: 0 added, 0 removed, 1 altered" in out
    assert "reported figures: 1 added, 1 removed, 1 altered" in out
    with pytest.raises(SystemExit):
        release.main(arguments)  # an edition is recorded once
