"""The gazetteer: places with known (or unknown) coordinates, read from a TOML file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tomlsource import DataFile, Problem, control_characters, type_name

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


PLACE_KEYS = {"name", "kind", "lat", "lon", "aliases", "note", "conflict", "labels", "notes",
              "conflicts"}
AREA_KEYS = {"name", "drawn_at"}


def _text(source: DataFile, entry: dict, key: str, line: int, what: str) -> str | None:
    """The text under *key* ("" when absent), or None after reporting why it cannot be used."""
    value = entry.get(key, "")
    if not isinstance(value, str):
        source.problem(source.key_line(key, line),
                       f"{what}: `{key}` must be text, not {type_name(value)}")
        return None
    if control_characters(value):
        source.problem(source.key_line(key, line), f"{what}: `{key}` holds control characters")
        return None
    return value.strip()


def _coordinate(source: DataFile, entry: dict, key: str, line: int, what: str):
    value = entry.get(key)
    # A boolean is a number to Python, but not a coordinate (true would be 1°).
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    source.problem(source.key_line(key, line),
                   f"{what}: `{key}` must be a number (33.64, not \"33.64\"), not {type_name(value)}")
    return False


def _texts(source: DataFile, entry: dict, key: str, line: int, what: str):
    value = entry.get(key, [])
    if isinstance(value, list) and all(
            isinstance(item, str) and item.strip() and not control_characters(item)
            for item in value):
        return tuple(item.strip() for item in value)
    source.problem(source.key_line(key, line),
                   f'{what}: `{key}` must be a list of names ({key} = ["…"]), not {value!r}')
    return None


def _by_language(source: DataFile, entry: dict, key: str, line: int, what: str):
    value = entry.get(key, {})
    if isinstance(value, dict) and all(
            isinstance(text, str) and not control_characters(text) for text in value.values()):
        return tuple(sorted((language, text.strip()) for language, text in value.items()))
    source.problem(source.key_line(key, line),
                   f'{what}: `{key}` must be a table of texts by language ({key} = {{ es = "…" }})')
    return None


def _place(source: DataFile, entry: dict, line: int) -> Place | None:
    name = _text(source, entry, "name", line, "a place")
    if name is None:
        return None
    what = f"place {name!r}" if name else "a place"
    for key in sorted(set(entry) - PLACE_KEYS):
        source.problem(source.key_line(key, line), f"{what}: unknown key `{key}`")
    kind = entry.get("kind")
    if not name or kind not in KINDS:
        source.problem(line, f"{what}: a place needs a name and a kind in {KINDS}")
        return None
    lat = _coordinate(source, entry, "lat", line, what)
    lon = _coordinate(source, entry, "lon", line, what)
    if lat is False or lon is False:
        return None
    if (lat is None) != (lon is None):
        source.problem(line, f"{what} has only one of lat and lon")
        return None
    if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        source.problem(source.key_line("lat", line), f"{what} has coordinates out of range")
        return None
    texts = {key: _text(source, entry, key, line, what) for key in ("note", "conflict")}
    aliases = _texts(source, entry, "aliases", line, what)
    by_language = {key: _by_language(source, entry, key, line, what)
                   for key in ("labels", "notes", "conflicts")}
    if None in texts.values() or aliases is None or None in by_language.values():
        return None
    return Place(
        name=name, kind=kind,
        lat=None if lat is None else float(lat), lon=None if lon is None else float(lon),
        aliases=aliases, **texts, **by_language,
    )


def read(path: Path) -> tuple[Gazetteer, list[Problem]]:
    """The gazetteer in *path*, without the places that have problems, and the problems."""
    source = DataFile.read(path)
    for key in sorted(set(source.data) - {"place", "area", "basemap"}):
        source.problem(source.key_line(key, 1), f"unknown key `{key}`")
    places: list[Place] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(_tables(source, source.data, "place")):
        line = source.table_line("place", index)
        place = _place(source, entry, line)
        if place is None:
            continue
        if place.name.casefold() in seen:
            source.problem(line, f"place {place.name!r} is listed twice "
                                 f"(first at line {seen[place.name.casefold()]})")
            continue
        seen[place.name.casefold()] = line
        places.append(place)
    names = {p.name for p in places}
    areas = []
    for index, entry in enumerate(_tables(source, source.data, "area")):
        line = source.table_line("area", index)
        name = _text(source, entry, "name", line, "an area")
        for key in sorted(set(entry) - AREA_KEYS):
            source.problem(source.key_line(key, line), f"an area: unknown key `{key}`")
        if not name:
            if name is not None:
                source.problem(line, "an area needs a `name`")
            continue
        if entry.get("drawn_at") not in names:
            source.problem(source.key_line("drawn_at", line),
                           f"area {name!r} is drawn at an unknown place")
            continue
        areas.append((name, entry["drawn_at"]))
    basemap_labels = _basemap_labels(source)
    return (Gazetteer(places=tuple(places), areas=tuple(areas), basemap_labels=basemap_labels),
            source.problems)


def _basemap_labels(source: DataFile) -> tuple:
    """``[basemap.labels]``: the base layer's country and city names in other languages."""
    basemap = source.data.get("basemap", {})
    labels = basemap.get("labels", {}) if isinstance(basemap, dict) else None
    if not isinstance(labels, dict):
        source.problem(source.key_line("basemap", 1),
                       '`basemap.labels` must be a table of names ([basemap.labels])')
        return ()
    result = []
    for name, by_language in sorted(labels.items()):
        if not (isinstance(by_language, dict) and all(
                isinstance(text, str) and not control_characters(text) for text in by_language.values())):
            source.problem(source.key_line(name, 1),
                           f'basemap label {name!r} must be a table of texts by language ({{ es = "…" }})')
            continue
        result.append((name, tuple(sorted(by_language.items()))))
    return tuple(result)


def _tables(source: DataFile, data: dict, key: str) -> list:
    value = data.get(key, [])
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return value
    source.problem(source.key_line(key, 1),
                   f"`{key}` must be a list of tables ([[{key}]]), not {type_name(value)}")
    return []


def load(path: Path) -> Gazetteer:
    """The gazetteer in *path*; raise :class:`GazetteerError` on the first problem."""
    gazetteer, problems = read(path)
    if problems:
        raise GazetteerError(f"{path}:{problems[0].line}: {problems[0].message}")
    return gazetteer

