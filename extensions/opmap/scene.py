"""Lay the map out as a list of simple shapes, which :mod:`opmap.svg` writes as SVG.

The projection is equirectangular, scaled by the cosine of the middle latitude: over the
few degrees the operation spans, distances and bearings stay true enough to read. Each
shape has a ``role`` (land, border, route, label…); :mod:`opmap.svg` gives every role a
class, so a stylesheet can colour it, and a default colour, for drawings without one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import geometry
from .basemap import Basemap, Level
from .gazetteer import Place

KM_PER_DEGREE = 111.2
#: The map's width in drawing units. A phone shows the map about 340 px wide, so text of
#: 14 units is 11 px or more there; on a desktop the map is shown larger.
MAP_WIDTH = 420.0
TEXT = 14.0
#: Degrees added round the places drawn: enough to show the Turkish border north of
#: Jarabulus, Lebanon and the coast west of Homs, and the desert where the inset sits.
PADDING = {"north": 0.3, "south": 0.32, "west": 0.55, "east": 0.42}
#: How far the pocket's shading reaches round its placed towns.
POCKET_RADIUS_KM = 8
#: The locator inset's region (west, south, east, north) and its width in drawing units.
INSET_REGION = (34.0, 31.0, 43.0, 38.0)
INSET_WIDTH = 124.0
#: The column beside the map that holds the legend in a drawing for print.
LEGEND_WIDTH = 250.0
#: A route keeps this far from every dot it does not start or end at.
ROUTE_CLEARANCE = 12.0


@dataclass(frozen=True)
class Path:
    """A polyline (or cubic Bézier when ``curve``) through ``points``."""

    points: tuple[tuple[float, float], ...]
    role: str
    closed: bool = False
    curve: bool = False
    dashed: bool = False


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float
    role: str


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    size: float = TEXT
    role: str = "label"
    anchor: str = "start"  # start | middle | end
    bold: bool = False
    italic: bool = False
    # Drawn over a band of the land colour, so it stays legible where a line crosses it.
    halo: bool = False


@dataclass(frozen=True)
class Group:
    """Shapes that belong together, with a tooltip title (one route, one place)."""

    title: str
    shapes: tuple
    role: str = ""


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


@dataclass(frozen=True)
class Projection:
    west: float
    north: float
    scale: float  # drawing units per degree of latitude
    shrink: float  # cosine of the middle latitude
    x0: float = 0.0
    y0: float = 0.0

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (self.x0 + (lon - self.west) * self.shrink * self.scale,
                self.y0 + (self.north - lat) * self.scale)

    def ring(self, points) -> tuple[tuple[float, float], ...]:
        return tuple(self.xy(lat, lon) for lon, lat in points)


class Occupied:
    """Boxes already taken by dots, labels and furniture, and points along the routes."""

    def __init__(self, width: float, height: float):
        self.frame = (2.0, 2.0, width - 2.0, height - 2.0)
        self.boxes: list[geometry.Box] = []
        self.route_points: list[tuple[float, float]] = []

    def cost(self, box: geometry.Box) -> float:
        f = self.frame
        outside = box[0] < f[0] or box[1] < f[1] or box[2] > f[2] or box[3] > f[3]
        hits = sum(geometry.boxes_overlap(box, other) for other in self.boxes)
        crossed = sum(box[0] <= x <= box[2] and box[1] <= y <= box[3]
                      for x, y in self.route_points)
        return 1000 * (outside + hits) + crossed

    def take(self, box: geometry.Box) -> None:
        self.boxes.append(box)


def text_width(text: str, size: float, *, bold: bool = False, spaced: bool = False) -> float:
    """About how wide ``text`` is in a sans-serif face (no font metrics at build time)."""
    per_char = 0.85 if spaced else (0.64 if bold else 0.6)
    return len(text) * size * per_char


def text_box(x: float, y: float, width: float, size: float, anchor: str) -> geometry.Box:
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return (left - 2, y - 0.78 * size, left + width + 2, y + 0.28 * size)


def frame_of(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(west, south, east, north) round ``points`` given as (lat, lon)."""
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    return (min(lons) - PADDING["west"], min(lats) - PADDING["south"],
            max(lons) + PADDING["east"], max(lats) + PADDING["north"])


def layout(places: list[Place], routes: list[Route], language: str, basemap: Basemap,
           names: dict[str, str], legend: list[tuple[str, str]] | None = None,
           words: dict | None = None) -> Scene:
    """Shapes for the placed ``places``, the base layer's cities and the ``routes``.

    ``names`` gives the base layer's country and city names in the build's language.
    ``legend`` — (symbol, text) pairs — is drawn in a column beside the map when given
    (for print; a web page shows it in HTML). ``words`` holds scale_unit and north.
    """
    words = {"scale_unit": "km", "north": "N", **(words or {})}
    place_names = {p.name for p in places}
    cities = [c for c in basemap.cities if c.name not in place_names]
    west, south, east, north = frame_of([(p.lat, p.lon) for p in places]
                                        + [(c.lat, c.lon) for c in cities])
    shrink = math.cos(math.radians((south + north) / 2))
    scale = MAP_WIDTH / ((east - west) * shrink)
    projection = Projection(west, north, scale, shrink)
    height = round((north - south) * scale, 1)
    width = MAP_WIDTH
    geo_box = (west, south, east, north)
    occupied = Occupied(width, height)

    shapes: list = [Path(((0, 0), (width, 0), (width, height), (0, height)), "sea", closed=True)]
    shapes += _base_layer(basemap.detail, projection, geo_box)

    pocket = [projection.xy(p.lat, p.lon) for p in places if p.kind == "pocket"]
    if pocket:
        radius = POCKET_RADIUS_KM / KM_PER_DEGREE * scale
        shapes.append(Path(tuple(geometry.buffered_hull(pocket, radius)), "pocket-area",
                           closed=True, dashed=True))

    # Furniture first, so labels keep clear of it.
    inset_left = width - INSET_WIDTH - 6
    inset_shapes, inset_height = _inset(basemap.overview, geo_box, inset_left, height)
    occupied.take((inset_left - 4, height - inset_height - 10, width, height))
    furniture = _scale_and_north(width, height, scale, words, occupied)

    dots = []  # (x, y, radius, place or city, kind)
    for place in places:
        x, y = projection.xy(place.lat, place.lon)
        radius = 2.5 if place.kind == "region" else 5.0
        dots.append((x, y, radius, place.label(language), place.kind, place.name))
    for city in cities:
        x, y = projection.xy(city.lat, city.lon)
        dots.append((x, y, 4.0, names.get(city.name, city.name), "city", city.name))
    for x, y, radius, *_ in dots:
        occupied.take((x - radius - 1, y - radius - 1, x + radius + 1, y + radius + 1))

    pair_bows: dict[tuple[str, str], list[float]] = {}
    for index, route in enumerate(routes):
        pair = (route.origin.name, route.destination.name)
        ends = (projection.xy(route.origin.lat, route.origin.lon),
                projection.xy(route.destination.lat, route.destination.lon))
        others = [(x, y) for x, y, _, _, _, name in dots if name not in pair]
        shapes.append(_route(route, ends, others, pair_bows.setdefault(pair, []), occupied))

    for x, y, radius, label, kind, _ in sorted(dots, key=lambda d: _LABEL_ORDER[d[4]]):
        shapes.append(_place(x, y, radius, label, kind, occupied))

    shapes += _country_labels(basemap.detail, projection, geo_box, names, occupied)
    shapes += inset_shapes
    shapes += furniture

    if legend:
        shapes += _legend(legend, width + 16, height)
        width += 16 + LEGEND_WIDTH
    return Scene(width=round(width, 1), height=height, shapes=tuple(shapes))


_LABEL_ORDER = {"pocket": 0, "destination": 1, "orientation": 2, "city": 3, "region": 4}


def _base_layer(level: Level, projection: Projection, box) -> list:
    shapes = []
    for country in level.countries:
        role = "syria" if country.name == "Syria" else "land"
        for ring in country.rings:
            clipped = geometry.clip_polygon(list(ring), box)
            if len(clipped) >= 3:
                shapes.append(Path(projection.ring(clipped), role, closed=True))
    for role, lines in (("coast", level.coasts), ("border", level.borders)):
        for line in lines:
            for piece in geometry.clip_line(list(line), box):
                shapes.append(Path(projection.ring(piece), role))
    return shapes


def _route(route: Route, ends, others, used_bows: list[float], occupied: Occupied) -> Group:
    (x0, y0), (x3, y3) = ends
    dx, dy = x3 - x0, y3 - y0
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length

    def controls(bow: float):
        return ((x0 + dx / 3 + nx * bow, y0 + dy / 3 + ny * bow),
                (x0 + 2 * dx / 3 + nx * bow, y0 + 2 * dy / 3 + ny * bow))

    def clearance(bow: float) -> float:
        c1, c2 = controls(bow)
        samples = [_bezier_point(t / 40, (x0, y0), c1, c2, (x3, y3)) for t in range(41)]
        return min((math.dist(s, o) for s in samples for o in others), default=math.inf)

    # A straight line when it passes clear of every other dot (so it does not seem to go by
    # way of a town); otherwise the least bow that does; a second convoy on the same pair
    # bows differently, so both stay visible.
    bows = [0.0] + [sign * k * length for k in (0.06, 0.1, 0.15, 0.2, 0.25) for sign in (-1, 1)]
    free = [b for b in bows if b not in used_bows]
    bow = next((b for b in free if clearance(b) >= ROUTE_CLEARANCE),
               max(free, key=clearance))
    used_bows.append(bow)
    c1, c2 = controls(bow)
    # Stop short of the destination's dot and end in an arrowhead along the last tangent.
    tx, ty = x3 - c2[0], y3 - c2[1]
    tangent = math.hypot(tx, ty) or 1.0
    ux, uy = tx / tangent, ty / tangent
    end = (x3 - ux * 7, y3 - uy * 7)
    head = ((end[0] + ux * 2, end[1] + uy * 2),
            (end[0] - ux * 10 + uy * 5, end[1] - uy * 10 - ux * 5),
            (end[0] - ux * 10 - uy * 5, end[1] - uy * 10 + ux * 5))
    occupied.route_points += [_bezier_point(t / 30, (x0, y0), c1, c2, end) for t in range(31)]
    # The number badge goes where it covers least, part-way along.
    badge = min((_bezier_point(t, (x0, y0), c1, c2, end) for t in
                 (0.5, 0.42, 0.58, 0.35, 0.65, 0.3, 0.7)),
                key=lambda p: occupied.cost((p[0] - 12, p[1] - 12, p[0] + 12, p[1] + 12)) > 0)
    bx, by = badge
    occupied.take((bx - 12, by - 12, bx + 12, by + 12))
    return Group(route.title, (
        Path(((x0, y0), c1, c2, end), "route", curve=True, dashed=route.approximate),
        Path(head, "route-head", closed=True),
        Circle(bx, by, 11, "badge"),
        Text(bx, by + 5, route.number, TEXT, role="badge-text", anchor="middle", bold=True),
    ), role="route")


def _bezier_point(t: float, *points) -> tuple[float, float]:
    weights = ((1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3)
    return (sum(w * p[0] for w, p in zip(weights, points, strict=True)),
            sum(w * p[1] for w, p in zip(weights, points, strict=True)))


def _place(x: float, y: float, radius: float, label: str, kind: str, occupied: Occupied):
    bold = kind == "pocket"
    italic = kind == "region"
    width = text_width(label, TEXT, bold=bold)
    gap = radius + 4
    candidates = [
        (x + gap, y + 5, "start"), (x - gap, y + 5, "end"),
        (x + gap - 2, y - gap, "start"), (x + gap - 2, y + gap + 10, "start"),
        (x - gap + 2, y - gap, "end"), (x - gap + 2, y + gap + 10, "end"),
        (x, y - gap - 2, "middle"), (x, y + gap + 12, "middle"),
    ]
    tx, ty, anchor = min(candidates, key=lambda c: occupied.cost(
        text_box(c[0], c[1], width, TEXT, c[2])))
    occupied.take(text_box(tx, ty, width, TEXT, anchor))
    if kind == "region":
        dot = Circle(x, y, radius, "region")
    elif kind == "pocket":
        dot = Circle(x, y, radius, "pocket")
    elif kind == "city":
        dot = Path(((x - radius, y - radius), (x + radius, y - radius),
                    (x + radius, y + radius), (x - radius, y + radius)), "city", closed=True)
    else:
        dot = Circle(x, y, radius - 0.5, "place")
    text = Text(tx, ty, label, role="label-muted" if italic else "label", anchor=anchor,
                bold=bold, italic=italic, halo=True)
    return Group(label, (dot, text), role=kind)


def _country_labels(level: Level, projection: Projection, box, names, occupied) -> list:
    """Each country's name where it fits wholly inside the country's part of the frame."""
    shapes = []
    for country in level.countries:
        rings = [projection.ring(geometry.clip_polygon(list(r), box)) for r in country.rings]
        rings = [list(r) for r in rings if len(r) >= 3]
        if not rings:
            continue
        label = names.get(country.name, country.name).upper()
        width = text_width(label, TEXT, spaced=True)
        largest = max(rings, key=_area)
        cx = sum(p[0] for p in largest) / len(largest)
        cy = sum(p[1] for p in largest) / len(largest)
        xs, ys = [p[0] for p in largest], [p[1] for p in largest]
        best = None
        for gy in _steps(min(ys), max(ys), 6):
            for gx in _steps(min(xs), max(xs), 6):
                lb = text_box(gx, gy, width, TEXT, "middle")
                corners = ((lb[0], lb[1]), (lb[2], lb[1]), (lb[0], lb[3]), (lb[2], lb[3]),
                           (gx, lb[1]), (gx, lb[3]))
                if not all(geometry.contains(largest, c) for c in corners):
                    continue
                if occupied.cost(lb):
                    continue
                distance = math.dist((gx, gy), (cx, cy))
                if best is None or distance < best[0]:
                    best = (distance, gx, gy, lb)
        if best:
            _, gx, gy, lb = best
            occupied.take(lb)
            shapes.append(Text(gx, gy, label, role="country", anchor="middle"))
    return shapes


def _steps(low: float, high: float, step: float):
    value = low + step / 2
    while value < high:
        yield value
        value += step


def _area(ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1])))


def _inset(level: Level, frame, left: float, map_height: float):
    """Syria in its region, with the map's frame marked; drawn in the bottom right corner."""
    west, south, east, north = INSET_REGION
    shrink = math.cos(math.radians((south + north) / 2))
    scale = INSET_WIDTH / ((east - west) * shrink)
    height = (north - south) * scale
    top = map_height - height - 6
    projection = Projection(west, north, scale, shrink, x0=left, y0=top)
    corners = ((left, top), (left + INSET_WIDTH, top), (left + INSET_WIDTH, top + height),
               (left, top + height))
    shapes = [Path(corners, "inset-sea", closed=True)]
    shapes += [
        Path(p.points, {"land": "inset-land", "syria": "inset-syria", "coast": "inset-coast",
                        "border": "inset-border"}[p.role], closed=p.closed)
        for p in _base_layer(level, projection, INSET_REGION)
    ]
    fw, fs, fe, fn = frame
    shapes.append(Path((projection.xy(fn, fw), projection.xy(fn, fe), projection.xy(fs, fe),
                        projection.xy(fs, fw)), "inset-extent", closed=True))
    shapes.append(Path(corners, "inset-frame", closed=True))
    return [Group("", tuple(shapes), role="inset")], height


def _scale_and_north(width: float, height: float, scale: float, words: dict,
                     occupied: Occupied) -> list:
    km = 50
    length = km / KM_PER_DEGREE * scale
    x, y = 12.0, height - 12
    north_x = width - 22
    occupied.take((x - 2, y - 24, x + length + 2, y + 2))
    occupied.take((north_x - 10, 8, north_x + 10, 54))
    return [
        Path(((x, y - 6), (x, y), (x + length, y), (x + length, y - 6)), "scale"),
        Text(x + length / 2, y - 8, f"{km} {words['scale_unit']}", role="label",
             anchor="middle", halo=True),
        Path(((north_x, 10), (north_x - 6, 32), (north_x + 6, 32)), "north", closed=True),
        Text(north_x, 50, words["north"], role="label", anchor="middle", bold=True, halo=True),
    ]


def symbol(kind: str, x: float, y: float) -> tuple:
    """The legend's symbol for ``kind``, in a 28 × 16 box whose top left is (x, y)."""
    cx, cy = x + 14, y + 8
    if kind == "pocket":
        return (Circle(cx, cy, 5, "pocket"),)
    if kind == "pocket-area":
        return (Path(((x + 2, y + 2), (x + 26, y + 2), (x + 26, y + 14), (x + 2, y + 14)),
                     "pocket-area", closed=True, dashed=True),)
    if kind == "city":
        return (Path(((cx - 4, cy - 4), (cx + 4, cy - 4), (cx + 4, cy + 4), (cx - 4, cy + 4)),
                     "city", closed=True),)
    if kind == "place":
        return (Circle(cx, cy, 4.5, "place"),)
    if kind in ("route", "route-area"):
        return (Path(((x + 1, cy), (x + 27, cy)), "route", dashed=kind == "route-area"),)
    if kind == "border":
        return (Path(((x, y), (x + 28, y), (x + 28, y + 16), (x, y + 16)), "syria",
                     closed=True),
                Path(((x + 1, y + 15), (x + 14, y + 1), (x + 27, y + 15)), "border"))
    if kind == "inset":
        return (Path(((x, y), (x + 28, y), (x + 28, y + 16), (x, y + 16)), "inset-syria",
                     closed=True),
                Path(((x + 8, y + 4), (x + 20, y + 4), (x + 20, y + 12), (x + 8, y + 12)),
                     "inset-extent", closed=True))
    raise ValueError(kind)


def _legend(items: list[tuple[str, str]], left: float, height: float) -> list:
    """The legend as a column of symbols and wrapped text, for a drawing without a page."""
    shapes = []
    y = 8.0
    line = TEXT * 1.25
    for kind, text in items:
        shapes += symbol(kind, left, y)
        lines = _wrap(text, LEGEND_WIDTH - 40)
        for number, words in enumerate(lines):
            shapes.append(Text(left + 36, y + 12 + number * line, words, role="legend-text"))
        y += max(22.0, len(lines) * line) + 10
    return shapes


def _wrap(text: str, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", TEXT) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines
