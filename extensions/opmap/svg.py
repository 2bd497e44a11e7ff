"""Write a :class:`~opmap.scene.Scene` as an accessible SVG document.

Every shape gets the class ``opmap-<role>``, which ``static/opmap.css`` colours from CSS
variables (so a dark theme can restyle the map), and presentation attributes with the
light colours, which a drawing without the stylesheet (the PDF's) keeps.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from .scene import Circle, Group, Path, Scene, Text, symbol

FONT = "Helvetica, Arial, 'Liberation Sans', sans-serif"
INK = "#1d2733"
MUTED = "#56606b"
ROUTE = "#a8322d"
POCKET = "#1f4e79"
SYRIA = "#fbfaf6"
#: Light colours by role; the stylesheet's variables override them on the web page.
PAINT = {
    "sea": {"fill": "#d6e4ef"},
    "land": {"fill": "#e9e5dc"},
    "syria": {"fill": SYRIA},
    "coast": {"fill": "none", "stroke": "#8ea9bf", "stroke-width": "0.8"},
    "border": {"fill": "none", "stroke": "#6f7780", "stroke-width": "1.4",
               "stroke-linejoin": "round"},
    "pocket-area": {"fill": POCKET, "fill-opacity": "0.16", "stroke": POCKET,
                    "stroke-width": "1.2"},
    "route": {"fill": "none", "stroke": ROUTE, "stroke-width": "2.4"},
    "route-head": {"fill": ROUTE},
    "badge": {"fill": ROUTE, "stroke": "#ffffff", "stroke-width": "1.5"},
    "badge-text": {"fill": "#ffffff"},
    "pocket": {"fill": POCKET, "stroke": "#ffffff", "stroke-width": "1.2"},
    "place": {"fill": "#ffffff", "stroke": INK, "stroke-width": "1.8"},
    "city": {"fill": MUTED, "stroke": "#ffffff", "stroke-width": "1"},
    "region": {"fill": MUTED},
    "label": {"fill": INK},
    "label-muted": {"fill": MUTED},
    "legend-text": {"fill": INK},
    "country": {"fill": "#6b6459", "letter-spacing": "2"},
    "inset-sea": {"fill": "#d6e4ef"},
    "inset-land": {"fill": "#e9e5dc"},
    "inset-syria": {"fill": "#c9b98f"},
    "inset-coast": {"fill": "none", "stroke": "#8ea9bf", "stroke-width": "0.5"},
    "inset-border": {"fill": "none", "stroke": "#6f7780", "stroke-width": "0.6"},
    "inset-extent": {"fill": "none", "stroke": ROUTE, "stroke-width": "1.6"},
    "inset-frame": {"fill": "none", "stroke": INK, "stroke-width": "1"},
    "scale": {"fill": "none", "stroke": INK, "stroke-width": "1.6"},
    "north": {"fill": INK},
}
DASHES = {"route": "8 4", "pocket-area": "4 3"}
HALO = {"stroke": SYRIA, "stroke-width": "4", "stroke-linejoin": "round",
        "paint-order": "stroke"}


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _attributes(role: str, extra: dict | None = None) -> str:
    paint = {**PAINT[role], **(extra or {})}
    return f' class="opmap-{role}"' + "".join(f' {k}="{v}"' for k, v in paint.items())


def _shape(shape) -> str:
    if isinstance(shape, Group):
        inner = "".join(_shape(s) for s in shape.shapes)
        title = f"<title>{escape(shape.title)}</title>" if shape.title else ""
        role = f' class="opmap-group-{shape.role}"' if shape.role else ""
        return f"<g{role}>{title}{inner}</g>"
    if isinstance(shape, Circle):
        return (f'<circle cx="{_n(shape.x)}" cy="{_n(shape.y)}" r="{_n(shape.r)}"'
                f"{_attributes(shape.role)}/>")
    if isinstance(shape, Text):
        extra = {"font-size": _n(shape.size), "text-anchor": shape.anchor}
        if shape.bold:
            extra["font-weight"] = "bold"
        if shape.italic:
            extra["font-style"] = "italic"
        halo = " opmap-halo" if shape.halo else ""
        attributes = _attributes(shape.role, {**extra, **(HALO if shape.halo else {})})
        attributes = attributes.replace(f'class="opmap-{shape.role}"',
                                        f'class="opmap-{shape.role}{halo}"', 1)
        return (f'<text x="{_n(shape.x)}" y="{_n(shape.y)}"{attributes}>'
                f"{escape(shape.text)}</text>")
    if isinstance(shape, Path):
        first, *rest = shape.points
        if shape.curve:
            d = f"M{_n(first[0])},{_n(first[1])}C" + " ".join(
                f"{_n(x)},{_n(y)}" for x, y in rest)
        else:
            d = f"M{_n(first[0])},{_n(first[1])}" + "".join(
                f"L{_n(x)},{_n(y)}" for x, y in rest)
        if shape.closed:
            d += "Z"
        dash = {"stroke-dasharray": DASHES[shape.role]} if shape.dashed else {}
        return f'<path d="{d}"{_attributes(shape.role, dash)}/>'
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


def swatch(kind: str) -> str:
    """A legend symbol as a small decorative SVG, coloured like the map."""
    return ('<svg class="opmap-swatch" aria-hidden="true" focusable="false" '
            'viewBox="0 0 28 16" width="28" height="16">'
            + "".join(_shape(s) for s in symbol(kind, 0, 0)) + "</svg>")
