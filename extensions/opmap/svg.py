"""Write a :class:`~opmap.scene.Scene` as an accessible SVG document."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from .scene import LAND, Circle, Group, Path, Scene, Text

FONT = "Helvetica, Arial, 'Liberation Sans', sans-serif"
ANCHORS = {"start": "start", "middle": "middle", "end": "end"}


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _shape(shape) -> str:
    if isinstance(shape, Group):
        inner = "".join(_shape(s) for s in shape.shapes)
        return f"<g><title>{escape(shape.title)}</title>{inner}</g>"
    if isinstance(shape, Circle):
        stroke = (f' stroke="{shape.stroke}" stroke-width="{_n(shape.width)}"'
                  if shape.stroke else "")
        return (f'<circle cx="{_n(shape.x)}" cy="{_n(shape.y)}" r="{_n(shape.r)}" '
                f'fill="{shape.fill}"{stroke}/>')
    if isinstance(shape, Text):
        style = (' font-weight="bold"' if shape.bold else "") + (
            ' font-style="italic"' if shape.italic else "") + (
            f' stroke="{LAND}" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke"'
            if shape.halo else "")
        return (f'<text x="{_n(shape.x)}" y="{_n(shape.y)}" font-size="{_n(shape.size)}" '
                f'fill="{shape.fill}" text-anchor="{ANCHORS[shape.anchor]}"{style}>'
                f"{escape(shape.text)}</text>")
    if isinstance(shape, Path):
        first, *rest = shape.points
        if shape.curve:
            d = f"M{_n(first[0])},{_n(first[1])} C" + " ".join(
                f"{_n(x)},{_n(y)}" for x, y in rest)
        else:
            d = f"M{_n(first[0])},{_n(first[1])} " + " ".join(
                f"L{_n(x)},{_n(y)}" for x, y in rest)
        if shape.closed:
            d += " Z"
        stroke = (f' stroke="{shape.stroke}" stroke-width="{_n(shape.width)}"'
                  if shape.stroke else "")
        dash = f' stroke-dasharray="{" ".join(map(_n, shape.dash))}"' if shape.dash else ""
        return f'<path d="{d}" fill="{shape.fill or "none"}"{stroke}{dash}/>'
    raise TypeError(shape)


def render(scene: Scene, *, ident: str, title: str, description: str) -> str:
    """The SVG markup; ``ident`` keeps the title and description ids unique on the page."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" '
        f'viewBox="0 0 {_n(scene.width)} {_n(scene.height)}" '
        f'width="{_n(scene.width)}" height="{_n(scene.height)}" '
        f"font-family={quoteattr(FONT)}>"
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(description)}</desc>'
        + "".join(_shape(s) for s in scene.shapes)
        + "</svg>"
    )
