"""The narrative is written in its own words: no run of twelve words copied from a source.

Sources are known by their fingerprints (``docs/_fingerprints/``, written by
``python3 dev.py fingerprint -- FILE_OR_FOLDER``): hashes of every run of twelve
normalised words of the seeds and of each source text a writer read, never the text.
Every page and every translation is checked against them wherever the tests run; nothing
here needs the sources themselves except one optional cross-check with the seeds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitechecks import fingerprint

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
STORE = DOCS / "_fingerprints"
SEEDS = ROOT.parent / "shared" / "seeds"
#: A short news report invented for these tests (no real source is committed as text).
INVENTED = Path(__file__).parent / "fixtures" / "invented-report.txt"


@pytest.fixture(scope="module")
def known() -> dict[str, str]:
    return fingerprint.load(STORE)


def test_fingerprints_are_committed(known):
    # The four seeds and the news reports read for the narrative: thousands of runs.
    assert len(list(STORE.glob("*.txt"))) >= 4
    assert len(known) > 1000


def test_there_is_narrative_to_check():
    names = {path.relative_to(DOCS).as_posix() for path in fingerprint.checked_files(DOCS)}
    assert {"index.md", "background.md", "negotiations.md", "evacuation.md"} <= names
    assert any(name.endswith(".po") for name in names)


@pytest.mark.parametrize(
    "path", fingerprint.checked_files(DOCS), ids=lambda path: path.relative_to(DOCS).as_posix()
)
def test_no_run_of_twelve_words_is_copied(path, known):
    copied = fingerprint.check_file(path, known, path.relative_to(ROOT).as_posix())
    assert not copied, "\n".join(item.as_text() for item in copied)


def paste(tmp_path: Path, text: str) -> Path:
    """A copy of the site whose evacuation page has *text* pasted into its second paragraph."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("_build", "_fingerprints"))
    page = docs / "evacuation.md"
    body = page.read_text(encoding="utf-8")
    head, _, tail = body.partition("\n\n")
    page.write_text(f"{head}\n\nAs the report put it, {text}, it said.\n\n{tail}", encoding="utf-8")
    return docs


def run_of(text: str, start: int, length: int = fingerprint.RUN) -> str:
    words = [word for word, _offset in fingerprint.words_with_offsets(text)]
    return " ".join(words[start : start + length])


def test_a_pasted_run_of_a_fingerprinted_report_fails(tmp_path, capsys):
    """Without ../shared: a report is fingerprinted with the contributor's command, a
    twelve-word run of it is pasted into a page, and the check fails at that line."""
    store = tmp_path / "store"
    assert fingerprint.main(["--store", str(store), "add", str(INVENTED.parent)]) == 0
    assert not (store / INVENTED.name).read_text().count("lanterns")  # hashes, not text
    _label, text = fingerprint.source_text(INVENTED)
    copied = run_of(text, 20).upper()  # case and punctuation do not hide a copy
    docs = paste(tmp_path / "site", copied)
    capsys.readouterr()
    assert fingerprint.main(["--store", str(store), "check", str(docs)]) == 1
    out = capsys.readouterr().out
    assert "evacuation.md:3: 12+ words copied from https://news.example.org/invented" in out
    # Eleven words are a phrase, not a copy.
    docs = paste(tmp_path / "short", run_of(text, 20, fingerprint.RUN - 1))
    assert fingerprint.check(docs, store) == []


def test_a_pasted_run_of_a_seed_fails(tmp_path, known):
    """With the committed fingerprints alone; the seed's text is needed only to make the
    paste, so this one test runs where ../shared/seeds is present."""
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip(f"no seed text in {SEEDS} to paste from (the fingerprints are committed)")
    _label, text = fingerprint.source_text(seeds[0])
    docs = paste(tmp_path, run_of(text, 40))
    copied = fingerprint.check_file(docs / "evacuation.md", known)
    assert [item.source for item in copied] == [seeds[0].name]


def test_the_committed_fingerprints_cover_the_seeds(known):
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip(f"no seed text in {SEEDS} to compare with")
    for seed in seeds:
        assert fingerprint.fingerprints(fingerprint.source_text(seed)[1]) <= set(known), seed.name
