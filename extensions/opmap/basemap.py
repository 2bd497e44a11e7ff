"""The base layer under the map: countries, borders, coasts and cities from data/.

The file is made by ``scripts/make_basemap.py`` from Natural Earth and GeoNames packages;
see ``data/README.md`` for where each part comes from.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data" / "natural-earth-syria.json"

Line = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Country:
    name: str
    #: Rings of (longitude, latitude), clipped to the level's box.
    rings: tuple[Line, ...]


@dataclass(frozen=True)
class Level:
    box: tuple[float, float, float, float]  # west, south, east, north
    countries: tuple[Country, ...]
    borders: tuple[Line, ...]
    coasts: tuple[Line, ...]


@dataclass(frozen=True)
class City:
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Basemap:
    detail: Level
    overview: Level
    cities: tuple[City, ...]
    provenance: tuple[tuple[str, str], ...]


def _line(points) -> Line:
    return tuple((float(x), float(y)) for x, y in points)


def _level(data: dict) -> Level:
    return Level(
        box=tuple(data["box"]),
        countries=tuple(Country(c["name"], tuple(_line(r) for r in c["rings"]))
                        for c in data["countries"]),
        borders=tuple(_line(line) for border in data["borders"] for line in border["lines"]),
        coasts=tuple(_line(line) for line in data["coasts"]),
    )


@functools.cache
def load(path: Path = DATA) -> Basemap:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Basemap(
        detail=_level(data["levels"]["detail"]),
        overview=_level(data["levels"]["overview"]),
        cities=tuple(City(c["name"], float(c["lat"]), float(c["lon"])) for c in data["cities"]),
        provenance=tuple(sorted(data["provenance"].items())),
    )
