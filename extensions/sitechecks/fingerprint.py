"""Own words: fingerprints of the sources writers read, and the check of pages against them.

A page or a translation that repeats twelve or more consecutive words of a source copies
it. To check that without keeping the sources in the repository, each source is reduced to
fingerprints: a hash of every run of twelve normalised words (case, accents' composition
and punctuation do not matter), never the text. They are stored one file per source in
``docs/_fingerprints/``, committed, and every page (``.md``) and translation (the
``msgstr`` of each ``.po``) is checked against all of them, in the tests and here.

Usage::

    python -m sitechecks.fingerprint add FILE_OR_FOLDER ...   # after reading a source
    python -m sitechecks.fingerprint check [SOURCEDIR]         # exit 1 on a copied run

A text whose first line is an address (``https://…``) is recorded under that address.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

RUN = 12
#: Letters and digits in any script; everything else separates words.
WORD = re.compile(r"[^\W_]+")
DEFAULT_STORE = Path("docs") / "_fingerprints"
HASH_CHARS = 16


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def words_with_offsets(text: str) -> list[tuple[str, int]]:
    return [(match[0], match.start()) for match in WORD.finditer(normalise(text))]


def run_hash(words: list[str] | tuple[str, ...]) -> str:
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:HASH_CHARS]


def fingerprints(text: str) -> set[str]:
    words = [word for word, _offset in words_with_offsets(text)]
    return {run_hash(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def source_text(path: Path) -> tuple[str, str]:
    """(label, text) of a source file: its address when the first line is one."""
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    first, _, rest = text.partition("\n")
    if re.match(r"^\s*https?://\S+\s*$", first):
        return first.strip(), rest
    return path.name, text


def source_files(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        found.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return found


def add(paths: list[Path], store: Path) -> list[Path]:
    """Write the fingerprints of each source to ``store/<name>.txt``; return those files."""
    store.mkdir(parents=True, exist_ok=True)
    written = []
    for path in source_files(paths):
        label, text = source_text(path)
        prints = sorted(fingerprints(text))
        target = store / f"{path.stem}.txt"
        target.write_text(
            f"# {label}\n# {len(prints)} runs of {RUN} words, sha256[:{HASH_CHARS}]\n"
            + "".join(f"{value}\n" for value in prints),
            encoding="utf-8",
        )
        written.append(target)
    return written


def load(store: Path) -> dict[str, str]:
    """Every stored fingerprint, with the source it comes from."""
    known: dict[str, str] = {}
    for path in sorted(Path(store).glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        label = lines[0].removeprefix("# ") if lines else path.stem
        for line in lines:
            if line and not line.startswith("#"):
                known.setdefault(line.strip(), label)
    return known


@dataclass(frozen=True)
class Copied:
    path: str
    line: int
    source: str
    words: str

    def as_text(self) -> str:
        return f"{self.path}:{self.line}: {RUN}+ words copied from {self.source}: {self.words!r}"


def copied_runs(text: str, known: dict[str, str]) -> list[tuple[int, str, str]]:
    """(offset, source, words) of each stretch of *text* whose runs are fingerprinted."""
    tokens = words_with_offsets(text)
    words = [word for word, _offset in tokens]
    stretches: list[list] = []
    for start in range(len(words) - RUN + 1):
        source = known.get(run_hash(words[start : start + RUN]))
        if source is None:
            continue
        if stretches and start <= stretches[-1][1]:
            stretches[-1][1] = start + RUN
        else:
            stretches.append([start, start + RUN, source])
    return [(tokens[a][1], source, " ".join(words[a:b])) for a, b, source in stretches]


def texts_of(path: Path) -> list[tuple[int, str]]:
    """(first line, text) to check in a page (all of it) or a catalog (each msgstr)."""
    if path.suffix == ".po":
        from babel.messages.pofile import read_po

        with path.open("rb") as handle:
            catalog = read_po(handle)
        found = []
        for message in catalog:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            found.extend((message.lineno or 1, text) for text in strings if text)
        return found
    return [(1, path.read_text(encoding="utf-8-sig"))]


def check_file(path: Path, known: dict[str, str], shown_as: str | None = None) -> list[Copied]:
    found = []
    for first_line, text in texts_of(path):
        for offset, source, words in copied_runs(text, known):
            line = first_line + text.count("\n", 0, offset) if path.suffix != ".po" else first_line
            found.append(Copied(shown_as or str(path), line, source, words))
    return found


def checked_files(srcdir: Path) -> list[Path]:
    files = [*srcdir.rglob("*.md"), *srcdir.rglob("*.po")]
    return sorted(
        path
        for path in files
        if not any(part.startswith(("_build", ".")) for part in path.relative_to(srcdir).parts)
    )


def check(srcdir: Path, store: Path) -> list[Copied]:
    known = load(store)
    return [
        copied
        for path in checked_files(srcdir)
        for copied in check_file(path, known, path.as_posix())
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitechecks.fingerprint", description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE, help="default: %(default)s")
    commands = parser.add_subparsers(dest="command", required=True)
    adding = commands.add_parser("add", help="fingerprint the source texts you read")
    adding.add_argument("paths", nargs="+", type=Path, help="text files, or folders of .txt")
    checking = commands.add_parser("check", help="check pages and catalogs against them")
    checking.add_argument("sourcedir", nargs="?", default=Path("docs"), type=Path)
    args = parser.parse_args(argv)
    if args.command == "add":
        for path in add(args.paths, args.store):
            print(f"wrote {path.as_posix()}")
        print("Commit the files above with your change; they hold hashes, never the text.")
        return 0
    copied = check(args.sourcedir, args.store)
    for item in copied:
        print(item.as_text())
    print(f"{len(copied)} copied run(s) against {len(load(args.store))} fingerprints")
    return 1 if copied else 0


if __name__ == "__main__":
    sys.exit(main())
