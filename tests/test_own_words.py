"""The narrative is written in its own words: no long run of words copied from a seed.

The seed documents (the encyclopedia article and the two Syria Direct reports) sit in
``../shared/seeds`` beside the repository. A run of 12 or more consecutive words that
also occurs in a seed counts as copied, whatever the case; quotations are kept shorter.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 12
WORD = re.compile(r"[a-záéíóúñü0-9]+")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def runs(sequence: list[str], length: int = RUN) -> set[tuple[str, ...]]:
    return {tuple(sequence[i : i + length]) for i in range(len(sequence) - length + 1)}


def copied_runs(text: str, seed_runs: set[tuple[str, ...]]) -> list[str]:
    """The runs of *text* found in a seed, longest stretches merged, in reading order."""
    sequence = words(text)
    hits = [i for i in range(len(sequence) - RUN + 1) if tuple(sequence[i : i + RUN]) in seed_runs]
    stretches: list[list[int]] = []
    for start in hits:
        if stretches and start <= stretches[-1][1]:
            stretches[-1][1] = start + RUN
        else:
            stretches.append([start, start + RUN])
    return [" ".join(sequence[a:b]) for a, b in stretches]


def narrative_files() -> list[Path]:
    build = DOCS / "_build"
    files = [*DOCS.rglob("*.md"), *DOCS.rglob("*.po")]
    return sorted(path for path in files if build not in path.parents)


@pytest.fixture(scope="module")
def seed_runs() -> set[tuple[str, ...]]:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip(f"no seed documents in {SEEDS}: cannot compare the narrative with them")
    found: set[tuple[str, ...]] = set()
    for seed in seeds:
        found |= runs(words(seed.read_text(encoding="utf-8")))
    return found


def test_the_checker_catches_a_copied_run(seed_runs):
    """Guard against a checker that silently finds nothing (e.g. a broken tokenizer)."""
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    copied = " ".join(words(seed)[40 : 40 + RUN])
    assert copied_runs(f"Some words first. {copied.upper()}, and more.", seed_runs) == [copied]
    assert copied_runs(" ".join(words(seed)[40 : 40 + RUN - 1]), seed_runs) == []


def test_there_is_narrative_to_check():
    names = {path.relative_to(DOCS).as_posix() for path in narrative_files()}
    assert {"index.md", "background.md", "negotiations.md", "evacuation.md"} <= names


def page_id(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


@pytest.mark.parametrize("path", narrative_files(), ids=page_id)
def test_no_run_of_twelve_words_is_copied_from_a_seed(path, seed_runs):
    copied = copied_runs(path.read_text(encoding="utf-8"), seed_runs)
    assert not copied, f"{path.relative_to(ROOT)} copies from a seed: " + " | ".join(copied)
