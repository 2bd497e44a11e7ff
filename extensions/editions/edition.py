"""Which edition a checkout is: its version, date and commit, from one place.

A release is a git tag ``vYYYY.MM``. The version is read with ``git describe``:

- on the tagged commit, the tag's version (``2026.12``);
- after it, the version and how far past it the checkout is (``2026.12+3.gabc1234``), and
  ``.dirty`` when the working tree has changes;
- in a checkout without tags (a shallow clone) or without git (an archive), the last
  edition recorded in ``docs/_editions/`` (``nox -s release`` records each), marked with the
  commit when git knows it.

``EDITION_VERSION`` names the version outright: ``nox -s release`` builds the edition it is
about to tag before the tag exists. The date is ``SOURCE_DATE_EPOCH`` when set (reproducible
builds), else the date recorded for a released version, else the commit's date, else today.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

#: A release tag: v, the year, a dot, the month (v2026.12); a second release in one month
#: adds a number (v2026.12.1).
TAG = re.compile(r"v(?P<version>\d{4}\.\d{2}(?:\.\d+)?)")
_DESCRIBE = re.compile(r"v(?P<version>.+)-(?P<distance>\d+)-g(?P<commit>[0-9a-f]+)(?P<dirty>-dirty)?")


@dataclass(frozen=True)
class Edition:
    version: str
    date: dt.date
    #: The commit the build was made from (full hash), empty outside a git checkout.
    commit: str = ""

    @property
    def tag(self) -> str:
        return f"v{self.version}"

    @property
    def released(self) -> bool:
        """Whether this is a tagged edition rather than a state between two."""
        return TAG.fullmatch(self.tag) is not None


def version_key(version: str) -> tuple[int, ...]:
    """Sort key of a release version: 2026.05 < 2026.12 < 2026.12.1 < 2027.01."""
    return tuple(int(part) for part in version.split("."))


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                                timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def _iso_date(text) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


def recorded_editions(editions_dir: Path) -> list[dict]:
    """The editions kept in ``docs/_editions/<version>/edition.json``, oldest first."""
    found = []
    for record in editions_dir.glob("*/edition.json"):
        try:
            data = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if (isinstance(data, dict) and TAG.fullmatch(f"v{data.get('version', '')}")
                and _iso_date(data.get("date"))):
            found.append(data)
    return sorted(found, key=lambda data: version_key(data["version"]))


def _version_from_git(root: Path) -> tuple[str, str] | None:
    """(version, commit) from ``git describe``, or None without a reachable release tag."""
    described = _git(root, "describe", "--tags", "--long", "--dirty", "--abbrev=7",
                     "--match", "v[0-9][0-9][0-9][0-9].[0-9][0-9]*")
    if not described:
        return None
    match = _DESCRIBE.fullmatch(described)
    if not match or not TAG.fullmatch(f"v{match['version']}"):
        return None
    version = match["version"]
    local = []
    if int(match["distance"]):
        local += [match["distance"], f"g{match['commit']}"]
    if match["dirty"]:
        local.append("dirty")
    return (f"{version}+{'.'.join(local)}" if local else version), match["commit"]


def _date_from_epoch() -> dt.date | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()


def current_edition(root: Path, editions_dir: Path | None = None) -> Edition:
    """The edition the checkout at *root* is (see the module's docstring)."""
    editions_dir = editions_dir or root / "docs" / "_editions"
    recorded = recorded_editions(editions_dir)
    last = recorded[-1] if recorded else None
    commit = _git(root, "rev-parse", "HEAD") or ""

    version = os.environ.get("EDITION_VERSION", "").strip().removeprefix("v")
    if not version:
        described = _version_from_git(root)
        if described:
            version = described[0]
        elif last:
            version = last["version"] + (f"+g{commit[:7]}" if commit else "")
        else:
            version = "0" + (f"+g{commit[:7]}" if commit else "")

    date = _date_from_epoch()
    released = next((data for data in recorded if data["version"] == version), None)
    if date is None and released:
        date = _iso_date(released.get("date"))
    if date is None and commit:
        date = _iso_date(_git(root, "log", "-1", "--format=%cs"))
    return Edition(version=version, date=date or dt.date.today(), commit=commit)


def main() -> None:
    """``python -m editions.edition [ROOT]``: the edition as JSON (for nox -s release)."""
    import sys

    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    edition = current_edition(root)
    print(json.dumps({"version": edition.version, "date": edition.date.isoformat(),
                      "commit": edition.commit}))


if __name__ == "__main__":
    main()
