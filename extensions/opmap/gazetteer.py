"""The gazetteer: places with known (or unknown) coordinates, read from a TOML file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("pocket", "orientation", "destination", "region")


class GazetteerError(ValueError):
    """The gazetteer file cannot be used as it is."""


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    lat: float | None = None
    lon: float | None = None
    aliases: tuple[str, ...] = ()
    note: str = ""
    conflict: str = ""
    #: The name, the note and the conflict in other languages: (language, text) pairs.
    labels: tuple[tuple[str, str], ...] = ()
    notes: tuple[tuple[str, str], ...] = ()
    conflicts: tuple[tuple[str, str], ...] = ()

    @property
    def placed(self) -> bool:
        return self.lat is not None and self.lon is not None

    def label(self, language: str) -> str:
        return dict(self.labels).get(language, self.name)

    def note_in(self, language: str) -> str:
        return dict(self.notes).get(language, self.note)

    def conflict_in(self, language: str) -> str:
        return dict(self.conflicts).get(language, self.conflict)


@dataclass(frozen=True)
class Gazetteer:
    places: tuple[Place, ...]
    # Area name as the sources write it -> the place it is drawn at.
    areas: tuple[tuple[str, str], ...] = field(default=())
    #: Names on the base layer (countries, cities) in other languages:
    #: (name, ((language, text), ...)) pairs.
    basemap_labels: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = field(default=())

    def basemap_names(self, language: str) -> dict[str, str]:
        """The base layer's names that ``language`` writes differently, by English name."""
        return {name: dict(labels)[language] for name, labels in self.basemap_labels
                if language in dict(labels)}

    def find(self, written: str) -> tuple[Place | None, bool]:
        """The place a name written in the sources stands for, and whether it is an area."""
        wanted = written.casefold()
        for place in self.places:
            if wanted in (n.casefold() for n in (place.name, *place.aliases)):
                return place, False
        for area, drawn_at in self.areas:
            if wanted == area.casefold():
                return self.find(drawn_at)[0], True
        return None, False


def load(path: Path) -> Gazetteer:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise GazetteerError(f"cannot read {path}: {error}") from error
    places = []
    for entry in data.get("place", []):
        name = entry.get("name")
        kind = entry.get("kind")
        if not name or kind not in KINDS:
            raise GazetteerError(f"{path}: a place needs a name and a kind in {KINDS}: {entry}")
        lat, lon = entry.get("lat"), entry.get("lon")
        if (lat is None) != (lon is None):
            raise GazetteerError(f"{path}: {name} has only one of lat and lon")
        if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise GazetteerError(f"{path}: {name} has coordinates out of range")
        places.append(
            Place(
                name=name,
                kind=kind,
                lat=None if lat is None else float(lat),
                lon=None if lon is None else float(lon),
                aliases=tuple(entry.get("aliases", ())),
                note=entry.get("note", ""),
                conflict=entry.get("conflict", ""),
                labels=tuple(sorted(entry.get("labels", {}).items())),
                notes=tuple(sorted(entry.get("notes", {}).items())),
                conflicts=tuple(sorted(entry.get("conflicts", {}).items())),
            )
        )
    names = {p.name for p in places}
    areas = []
    for entry in data.get("area", []):
        if entry.get("drawn_at") not in names:
            raise GazetteerError(f"{path}: area {entry.get('name')!r} is drawn at an unknown place")
        areas.append((entry["name"], entry["drawn_at"]))
    basemap_labels = tuple(sorted(
        (name, tuple(sorted(labels.items())))
        for name, labels in data.get("basemap", {}).get("labels", {}).items()))
    return Gazetteer(places=tuple(places), areas=tuple(areas), basemap_labels=basemap_labels)
