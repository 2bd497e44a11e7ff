"""Remember which links worked, and when, so a rerun within the time limit skips them.

Only good results are kept: a broken, rate-limited or timed-out link is checked again on
every run until it works. The file is plain JSON (``{url: {"status", "checked"}}``) so it
can be inspected, or deleted to force a full check.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

CACHEABLE = ("working", "redirected")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class LinkCache:
    path: Path
    max_age: dt.timedelta
    entries: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, max_age: dt.timedelta) -> LinkCache:
        try:
            entries = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = {}  # no cache yet, or an unreadable one: check everything
        return cls(Path(path), max_age, entries if isinstance(entries, dict) else {})

    def checked_at(self, url: str, now: dt.datetime | None = None) -> dt.datetime | None:
        """When *url* was found working; ``None`` for an entry that cannot be trusted.

        A hand-edited or foreign cache may hold a time without a zone, a time in the
        future, or another status: each means "check again", never "fresh for ever".
        """
        try:
            entry = self.entries[url]
            checked = dt.datetime.fromisoformat(entry["checked"])
        except (KeyError, TypeError, ValueError):
            return None
        if entry.get("status") not in CACHEABLE or checked.tzinfo is None:
            return None
        if checked > (now or utcnow()) + dt.timedelta(minutes=5):
            return None
        return checked

    def fresh(self, now: dt.datetime | None = None) -> dict[str, dict]:
        """Entries checked less than ``max_age`` ago."""
        now = now or utcnow()
        return {
            url: entry
            for url, entry in self.entries.items()
            if (checked := self.checked_at(url, now)) and now - checked < self.max_age
        }

    def update(self, url: str, status: str, now: dt.datetime | None = None) -> None:
        if status in CACHEABLE:
            self.entries[url] = {"status": status, "checked": (now or utcnow()).isoformat()}
        else:
            self.entries.pop(url, None)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(
            json.dumps(self.entries, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
