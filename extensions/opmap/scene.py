"""Lay the map out as a list of simple shapes, which :mod:`opmap.svg` writes as SVG.

The projection is equirectangular, scaled by the cosine of the middle latitude: over the
few degrees the operation spans, distances and bearings stay true enough to read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .gazetteer import Place

KM_PER_DEGREE = 111.2
PX_PER_DEGREE = 210.0
MARGIN = 34.0
RIGHT_MARGIN = 96.0
LEGEND_HEIGHT = 118.0

INK = "#1d2733"
MUTED = "#5b6470"
GRID = "#d5d9de"
LAND = "#f6f3ea"
ROUTE = "#a8322d"
POCKET = "#1f4e79"


@dataclass(frozen=True)
class Path:
    """A polyline (or cubic Bézier when ``curve``) through ``points``."""

    points: tuple[tuple[float, float], ...]
    stroke: str
    width: float
    dash: tuple[float, ...] = ()
    fill: str = ""
    closed: bool = False
    curve: bool = False


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float
    fill: str
    stroke: str = ""
    width: float = 0.0


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    size: float
    fill: str = INK
    anchor: str = "start"  # start | middle | end
    bold: bool = False
    italic: bool = False
    # Drawn over a band of the land colour, so it stays legible where a route crosses it.
    halo: bool = False


@dataclass(frozen=True)
class Group:
    """Shapes that belong together, with a tooltip title (one route, one place)."""

    title: str
    shapes: tuple


@dataclass(frozen=True)
class Route:
    number: str
    origin: Place
    destination: Place
    title: str
    # An end stands for an area the sources name, drawn at a place: the line is dashed.
    approximate: bool = False


@dataclass(frozen=True)
class Scene:
    width: float
    height: float
    shapes: tuple


def _bounds(places):
    lats = [p.lat for p in places]
    lons = [p.lon for p in places]
    pad = 0.25
    return min(lats) - pad, max(lats) + pad, min(lons) - pad, max(lons) + pad


def layout(places: list[Place], routes: list[Route], language: str, words: dict) -> Scene:
    """Shapes for the placed ``places`` and the ``routes`` between them.

    ``words`` holds the translated legend strings: legend_pocket, legend_place,
    legend_route, legend_route_note, legend_area, scale_unit, north.
    """
    south, north, west, east = _bounds(places)
    shrink = math.cos(math.radians((south + north) / 2))

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (
            MARGIN + (lon - west) * shrink * PX_PER_DEGREE,
            MARGIN + (north - lat) * PX_PER_DEGREE,
        )

    width = MARGIN + RIGHT_MARGIN + (east - west) * shrink * PX_PER_DEGREE
    map_height = 2 * MARGIN + (north - south) * PX_PER_DEGREE
    # The legend and scale sit in a band under the map, where they cover no place.
    height = map_height + LEGEND_HEIGHT
    shapes: list = [
        Path(((0, 0), (width, 0), (width, height), (0, height)), stroke="", width=0,
             fill="#ffffff", closed=True),
        Path(((0, 0), (width, 0), (width, map_height), (0, map_height)), stroke=GRID, width=1,
             fill=LAND, closed=True),
    ]

    # Graticule every whole degree, labelled at the left and the bottom.
    for lat in range(math.ceil(south), math.floor(north) + 1):
        (x0, y), (x1, _) = xy(lat, west), xy(lat, east)
        shapes.append(Path(((x0, y), (x1, y)), stroke=GRID, width=0.8))
        shapes.append(Text(x0 + 3, y - 3, f"{lat}°N", 9, fill=MUTED))
    for lon in range(math.ceil(west), math.floor(east) + 1):
        (x, y0), (_, y1) = xy(north, lon), xy(south, lon)
        shapes.append(Path(((x, y0), (x, y1)), stroke=GRID, width=0.8))
        shapes.append(Text(x + 3, y1 - 3, f"{lon}°E", 9, fill=MUTED))

    # Routes first, so the places are drawn over their ends.
    pair_count: dict[tuple[str, str], int] = {}
    for index, route in enumerate(routes):
        pair = (route.origin.name, route.destination.name)
        nth = pair_count.get(pair, 0)
        pair_count[pair] = nth + 1
        shapes.append(_route_shapes(route, xy, nth, index))

    for place in places:
        x, y = xy(place.lat, place.lon)
        label = place.label(language)
        if place.kind == "region":
            # A small mark where routes drawn from the region start; the name sits below
            # left of it, clear of routes that leave northwards.
            shapes.append(Group(label, (
                Circle(x, y, 2.5, MUTED),
                Text(x - 6, y + 14, label, 11, fill=MUTED, anchor="end", italic=True, halo=True),
            )))
            continue
        dot = (Circle(x, y, 4.5, POCKET, "#ffffff", 1.2) if place.kind == "pocket"
               else Circle(x, y, 4, "#ffffff", INK, 1.6))
        # Damascus sits west of the pocket: its label goes left, away from the routes.
        anchor, dx = ("end", -8) if place.kind == "orientation" else ("start", 8)
        shapes.append(Group(label, (dot, Text(x + dx, y + 4, label, 12, anchor=anchor,
                                              bold=place.kind == "pocket", halo=True))))

    shapes.extend(_legend(map_height, words))
    shapes.extend(_scale_and_north(width, map_height, words))
    return Scene(width=round(width, 1), height=round(height, 1), shapes=tuple(shapes))


def _route_shapes(route: Route, xy, nth: int, index: int) -> Group:
    (x0, y0), (x3, y3) = xy(route.origin.lat, route.origin.lon), xy(
        route.destination.lat, route.destination.lon)
    dx, dy = x3 - x0, y3 - y0
    length = math.hypot(dx, dy) or 1.0
    # A second convoy on the same pair bows to the other side, so both stay visible.
    bow = 0.0 if nth == 0 else (0.08 if nth % 2 else -0.08) * ((nth + 1) // 2) * length
    nx, ny = -dy / length, dx / length
    c1 = (x0 + dx / 3 + nx * bow, y0 + dy / 3 + ny * bow)
    c2 = (x0 + 2 * dx / 3 + nx * bow, y0 + 2 * dy / 3 + ny * bow)
    # Stop short of the destination's dot and end in an arrowhead.
    end = (x3 - dx / length * 7, y3 - dy / length * 7)
    ux, uy = dx / length, dy / length
    head = (
        (end[0] + ux * 2, end[1] + uy * 2),
        (end[0] - ux * 9 + uy * 4.5, end[1] - uy * 9 - ux * 4.5),
        (end[0] - ux * 9 - uy * 4.5, end[1] - uy * 9 + ux * 4.5),
    )
    # The number badge sits part-way along, staggered so badges on routes that leave the
    # same town do not cover each other.
    bx, by = _bezier_point(0.42 + 0.07 * (index % 4), (x0, y0), c1, c2, end)
    return Group(route.title, (
        Path(((x0, y0), c1, c2, end), stroke=ROUTE, width=2.2, curve=True,
             dash=(7, 4) if route.approximate else ()),
        Path(head, stroke=ROUTE, width=1, fill=ROUTE, closed=True),
        Circle(bx, by, 9.5, ROUTE, "#ffffff", 1.5),
        Text(bx, by + 4, route.number, 11, fill="#ffffff", anchor="middle", bold=True),
    ))


def _bezier_point(t: float, *points) -> tuple[float, float]:
    weights = ((1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3)
    return (sum(w * p[0] for w, p in zip(weights, points, strict=True)),
            sum(w * p[1] for w, p in zip(weights, points, strict=True)))


def _legend(map_height: float, words: dict) -> list:
    left = 4
    top = map_height + 4
    return [
        Circle(left + 14, top + 18, 4.5, POCKET, "#ffffff", 1.2),
        Text(left + 26, top + 22, words["legend_pocket"], 10.5),
        Circle(left + 14, top + 40, 4, "#ffffff", INK, 1.6),
        Text(left + 26, top + 44, words["legend_place"], 10.5),
        Path(((left + 6, top + 62), (left + 22, top + 62)), stroke=ROUTE, width=2.2),
        Text(left + 26, top + 66, words["legend_route"], 10.5),
        Text(left + 26, top + 82, words["legend_route_note"], 9, fill=MUTED),
        Path(((left + 6, top + 100), (left + 22, top + 100)), stroke=ROUTE, width=2.2,
             dash=(7, 4)),
        Text(left + 26, top + 104, words["legend_area"], 10.5),
    ]


def _scale_and_north(width: float, height: float, words: dict) -> list:
    km = 50
    length = km / KM_PER_DEGREE * PX_PER_DEGREE
    x, y = MARGIN + 6, height - 16
    north_x = width - 24
    return [
        Path(((x, y - 5), (x, y), (x + length, y), (x + length, y - 5)), stroke=INK, width=1.4),
        Text(x + length / 2, y - 8, f"{km} {words['scale_unit']}", 10, anchor="middle"),
        Path(((north_x, 14), (north_x - 5, 32), (north_x + 5, 32)), stroke=INK, width=1,
             fill=INK, closed=True),
        Text(north_x, 46, words["north"], 11, anchor="middle", bold=True),
    ]
