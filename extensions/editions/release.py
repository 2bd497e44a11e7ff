"""Record an edition: its exports in ``docs/_editions/<version>/``, and its citation files.

``nox -s release`` calls ``python -m editions.release record`` after building the site with
the new version, then builds everything again (so "What changed" lists the new edition) and
prints the ``git tag`` command. This module writes files only; it never commits or tags.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import sys
from pathlib import Path

from .changes import EXPORTS, compare, load_edition
from .edition import TAG, recorded_editions


def record_exports(html: Path, edition_dir: Path, languages: list[str]) -> None:
    """Copy each language's exports from the built site (``html/<lang>/_data/``)."""
    for language in languages:
        source = html / language / "_data"
        target = edition_dir / language
        target.mkdir(parents=True, exist_ok=True)
        for name in EXPORTS:
            if not (source / name).is_file():
                raise SystemExit(f"{source / name} is missing: build the site first (nox -s docs)")
            shutil.copy2(source / name, target / name)


def update_citation_cff(path: Path, version: str, date: dt.date) -> None:
    """Set ``version`` and ``date-released`` in CITATION.cff, keeping everything else."""
    text = path.read_text(encoding="utf-8")
    for field, value in (("version", f'"{version}"'), ("date-released", date.isoformat())):
        line = re.compile(rf"^{field}:.*$", re.MULTILINE)
        if line.search(text):
            text = line.sub(f"{field}: {value}", text)
        else:
            text = text.rstrip("\n") + f"\n{field}: {value}\n"
    path.write_text(text, encoding="utf-8")


def update_zenodo(path: Path, version: str, date: dt.date) -> None:
    """Set ``version`` and ``publication_date`` in .zenodo.json (Zenodo's deposit metadata)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = version
    data["publication_date"] = date.isoformat()
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def summary(editions_dir: Path, version: str, language: str = "en") -> str:
    """A few lines on what changed since the previous edition, for the release log."""
    editions = [data["version"] for data in recorded_editions(editions_dir)]
    index = editions.index(version)
    new = load_edition(editions_dir / version / language)
    if index == 0:
        return (f"first edition: {len(new.events)} events, {len(new.convoys)} convoys, "
                f"{len(new.reported)} reported figures, {len(new.sources)} sources")
    old = load_edition(editions_dir / editions[index - 1] / language)
    changes = compare(old, new)
    counts = []
    for name, items in (("events", changes.events), ("convoys", changes.convoys),
                        ("reported figures", changes.reported)):
        tally = {kind: sum(1 for item in items if item.change == kind)
                 for kind in ("added", "removed", "altered")}
        counts.append(f"{name}: " + ", ".join(f"{n} {kind}" for kind, n in tally.items()))
    counts.append(f"sources: {len(changes.sources_added)} added, "
                  f"{len(changes.sources_removed)} removed")
    return f"since {editions[index - 1]}: " + "; ".join(counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m editions.release")
    parser.add_argument("command", choices=["record"])
    parser.add_argument("--version", required=True, help="the edition, e.g. 2026.12")
    parser.add_argument("--date", required=True, help="its date, YYYY-MM-DD")
    parser.add_argument("--html", type=Path, required=True, help="the built site (html/)")
    parser.add_argument("--root", type=Path, default=Path("."), help="the repository")
    parser.add_argument("--languages", default="en,es")
    args = parser.parse_args(argv)
    if not TAG.fullmatch(f"v{args.version}"):
        parser.error(f"{args.version!r} is not an edition number (YYYY.MM, or YYYY.MM.N)")
    date = dt.date.fromisoformat(args.date)
    editions_dir = args.root / "docs" / "_editions"
    edition_dir = editions_dir / args.version
    if (edition_dir / "edition.json").exists():
        parser.error(f"edition {args.version} is already recorded in {edition_dir}")
    record_exports(args.html, edition_dir, args.languages.split(","))
    (edition_dir / "edition.json").write_text(
        json.dumps({"version": args.version, "date": date.isoformat()}, indent=2) + "\n",
        encoding="utf-8")
    update_citation_cff(args.root / "CITATION.cff", args.version, date)
    update_zenodo(args.root / ".zenodo.json", args.version, date)
    print(f"edition {args.version} ({date.isoformat()}): {summary(editions_dir, args.version)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
