"""The map's plane geometry: clipping to a box, simplifying, and the pocket's hull."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from opmap import geometry

BOX = (0.0, 0.0, 10.0, 10.0)
coordinate = st.floats(-20, 30, allow_nan=False)
points = st.lists(st.tuples(coordinate, coordinate), min_size=2, max_size=12)


def inside(point, box=BOX, slack=1e-9):
    return (box[0] - slack <= point[0] <= box[2] + slack
            and box[1] - slack <= point[1] <= box[3] + slack)


@given(points)
def test_clipped_lines_stay_in_the_box(line):
    for piece in geometry.clip_line(line, BOX):
        assert len(piece) >= 2 and all(inside(p) for p in piece)


@given(points)
def test_clipped_polygons_stay_in_the_box(ring):
    assert all(inside(p) for p in geometry.clip_polygon(ring, BOX))


def test_a_line_through_the_box_keeps_its_middle():
    assert geometry.clip_line([(-5, 5), (15, 5)], BOX) == [[(0.0, 5.0), (10.0, 5.0)]]


def test_simplify_keeps_the_ends_and_the_corner():
    line = [(0, 0), (1, 0.01), (2, 0), (2, 2)]
    assert geometry.simplify(line, 0.1) == [(0, 0), (2, 0), (2, 2)]


def test_buffered_hull_surrounds_every_point_by_the_radius():
    towns = [(0.0, 0.0), (3.0, 4.0)]
    hull = geometry.buffered_hull(towns, 2.0)
    for town in towns:
        assert geometry.contains(hull, town)
        assert min(math.dist(town, corner) for corner in hull) >= 2.0 - 1e-9
