"""scripts/make_basemap.py on a tiny topology: borders are lines two countries share."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_script():
    spec = importlib.util.spec_from_file_location("make_basemap",
                                                  ROOT / "scripts" / "make_basemap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def two_squares() -> dict:
    """West (0–1°) and East (1–2°), sharing the arc along 1° E; quantized by one degree."""
    return {
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": [
            [[1, 0], [0, 1]],  # 0: the shared edge, 1,0 -> 1,1
            [[1, 1], [-1, 0], [0, -1], [1, 0]],  # 1: West's outer edge, back to 1,0
            [[1, 0], [1, 0], [0, 1], [-1, 0]],  # 2: East's outer edge, to 1,1
        ],
        "objects": {"countries": {"geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "West"}},
            {"type": "MultiPolygon", "arcs": [[[2, ~0]]], "properties": {"name": "East"}},
        ]}},
    }


def test_level_keeps_countries_borders_and_coasts_clipped_to_its_box():
    script = load_script()
    topology = two_squares()
    level = script.level(topology, script.decode_arcs(topology), (0.5, -1, 3, 2), 0.01)
    assert [c["name"] for c in level["countries"]] == ["West", "East"]
    west = level["countries"][0]["rings"][0]
    assert min(x for x, _ in west) == 0.5  # clipped at the box's west edge
    assert level["borders"] == [{"between": ["East", "West"], "lines": [[[1, 0], [1, 1]]]}]
    # West's outer edge leaves the box and comes back: two pieces; East's is whole.
    assert len(level["coasts"]) == 3
    assert all(x >= 0.5 for line in level["coasts"] for x, _ in line)
