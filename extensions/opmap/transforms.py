"""Replace each map placeholder with the drawn map and its text alternative."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from docutils import nodes
from sphinx.errors import ExtensionError, NoUri
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from . import basemap, svg
from .gazetteer import Gazetteer, Place
from .nodes import operation_map
from .scene import POCKET_RADIUS_KM, Route, layout

_ = get_translation("opmap")
# The printed map's height: most of an A4 text block (24.7 cm between the PDF's 2.5 cm
# margins). The drawing for print, map and legend side by side, is wider than the line at
# this height, so LaTeX narrows it to the line's width: it fills the page's width, with
# room under it for the caption and the credit.
PRINT_HEIGHT = "21cm"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConvoyLine:
    """One convoy as the map shows it: drawn as ``route``, or listed with ``reason``."""

    number: str
    origin: str
    destination: str
    docname: str
    anchor: str
    route: Route | None
    # "Written name -> place it is drawn at", for each end that is an area.
    drawn_at: tuple[tuple[str, str], ...] = ()
    reason: str = ""
    #: Places on the way as the sources name them; the line is straight and does not show them.
    via: tuple[str, ...] = ()


def recorded_convoys(env) -> list:
    """The chronicle's convoys in reading order, or none when the chronicle records none."""
    try:
        domain = env.get_domain("chron")
    except ExtensionError:
        return []
    return list(getattr(domain, "convoys", []))


def convoys_signature(env) -> str:
    """Changes whenever a convoy the map draws changes, so its page is rewritten."""
    text = "\n".join(
        f"{c.number}|{c.origin}|{c.destination}|{c.docname}|{c.anchor}"
        f"|{getattr(c, 'origin_label', '')}|{getattr(c, 'destination_label', '')}"
        f"|{getattr(c, 'via_labels', ()) or getattr(c, 'via', ())}"
        for c in recorded_convoys(env)
    )
    return hashlib.sha256(text.encode()).hexdigest()


def _words() -> dict:
    return {"scale_unit": _("km"), "north": _("N")}


def legend_items() -> list[tuple[str, str]]:
    """The legend: (symbol, text) pairs, shown in HTML on the web and drawn for print."""
    return [
        ("pocket", _("Town of the Eastern Qalamoun pocket")),
        ("pocket-area", _(
            "Shaded: within {km} km of the pocket's towns placed on the map. The shading only "
            "surrounds these towns; the sources give no boundary of the pocket."
        ).format(km=POCKET_RADIUS_KM)),
        ("place", _("Other place")),
        ("city", _("City on the convoys' way")),
        ("route", _("Convoy route, numbered as in the table") + " ("
         + _("a line from origin to arrival, bent only to pass clear of other places; "
             "not the road") + ")"),
        ("route-area", _("Route whose end is an area, drawn at a place in it")),
        ("border", _("International border")),
        ("inset", _("Inset: Syria (darker) in its region, with the area of this map outlined")),
    ]


def credit() -> str:
    return _("Borders: Natural Earth 1:10m (public domain). City positions: GeoNames "
             "(CC BY 4.0). Places of the operation: the gazetteer of these pages.")


def convoy_lines(gazetteer: Gazetteer, convoys, language: str = "en") -> list[ConvoyLine]:
    """Each convoy's route, found by the place names as written and told in *language*."""
    lines = []
    for convoy in convoys:
        number = str(convoy.number)
        origin, origin_is_area = gazetteer.find(convoy.origin)
        destination, destination_is_area = gazetteer.find(convoy.destination)
        # The chronicle keeps the names as written (keys) and as the build's language says them.
        origin_text = getattr(convoy, "origin_label", "") or convoy.origin
        destination_text = getattr(convoy, "destination_label", "") or convoy.destination
        common = {"number": number, "origin": origin_text, "destination": destination_text,
                  "docname": convoy.docname, "anchor": convoy.anchor,
                  "via": tuple(getattr(convoy, "via_labels", ()) or getattr(convoy, "via", ()))}
        missing = [text for text, place in ((origin_text, origin),
                                             (destination_text, destination))
                   if place is None or not place.placed]
        if missing:
            reason = _("not drawn: no coordinates in the gazetteer for {places}").format(
                places=_(" and ").join(missing))
            lines.append(ConvoyLine(route=None, reason=reason, **common))
            continue
        title = _("Convoy {number}: {origin} to {destination}").format(
            number=number, origin=origin_text, destination=destination_text)
        drawn_at = tuple(
            (text, place.label(language))
            for text, place, is_area in ((origin_text, origin, origin_is_area),
                                         (destination_text, destination, destination_is_area))
            if is_area
        )
        lines.append(ConvoyLine(
            route=Route(number, origin, destination, title, approximate=bool(drawn_at)),
            drawn_at=drawn_at,
            **common,
        ))
    return lines


class OperationMapTransform(SphinxPostTransform):
    # Before Sphinx's image converters (200), so the map's image is converted for builders
    # that cannot include SVG (LaTeX gets a PDF made by sphinxcontrib.rsvgconverter).
    default_priority = 190

    @property
    def builder(self):
        # Sphinx 9 deprecates ``self.app`` with no public replacement for transforms; its own
        # reference resolver reaches the builder this way.
        return self.env._app.builder

    def run(self, **kwargs) -> None:
        for placeholder in list(self.document.findall(operation_map)):
            placeholder.replace_self(self.build(placeholder))

    def build(self, placeholder: operation_map) -> list[nodes.Node]:
        gazetteer: Gazetteer = placeholder["gazetteer"]
        ident = placeholder["ids"][0]
        language = self.config.language or "en"
        lines = convoy_lines(gazetteer, recorded_convoys(self.env), language)
        placed = [p for p in gazetteer.places if p.placed]
        drawn = [line.route for line in lines if line.route]
        names = gazetteer.basemap_names(language)
        title = _("Map of the Eastern Qalamoun offensive and evacuation, April 2018")
        description = _(
            "Syria and its neighbours' borders, with {cities}; "
            "the towns of the Eastern Qalamoun pocket north-east of Damascus, shaded round; "
            "the places in northern Syria where the convoys arrived, and {count} numbered "
            "convoy routes, each a line from origin to arrival. A list of every place and "
            "route follows the map."
        ).format(count=len(drawn), cities=", ".join(
            names.get(city.name, city.name) for city in basemap.load().cities))
        result: list[nodes.Node] = []
        if placed:
            html = self.builder.format == "html"
            # On a web page the legend is HTML beside or under the map; a drawing for print
            # carries it in a column of its own.
            scene = layout(placed, drawn, language, basemap.load(),
                           names,
                           legend=None if html else legend_items(), words=_words())
            figure = nodes.container(ids=[ident], classes=["opmap"])
            markup = svg.render(scene, ident=ident, title=title, description=description)
            if html:
                # Inline, so the title, the description and each route's tooltip stay in
                # the page for screen readers and pointers (an <img> would hide them).
                body = nodes.container(classes=["opmap-body"])
                body += nodes.raw("", f'<div class="opmap-drawing">{markup}</div>',
                                  format="html")
                body += self.legend()
                figure += body
            else:
                figure += self.image(markup, ident, title)
            figure += nodes.paragraph("", title, classes=["opmap-caption"])
            figure += nodes.paragraph("", credit(), classes=["opmap-credit"])
            result.append(figure)
        result.append(self.text_alternative(gazetteer, lines, language))
        return result

    @staticmethod
    def legend() -> nodes.bullet_list:
        legend = nodes.bullet_list(classes=["opmap-legend"])
        for kind, text in legend_items():
            para = nodes.paragraph()
            para += nodes.raw("", svg.swatch(kind), format="html")
            para += nodes.inline("", text)
            legend += nodes.list_item("", para)
        return legend

    def image(self, markup: str, ident: str, title: str) -> nodes.image:
        """The map as an image of the SVG file, for builders other than HTML."""
        # Named by content: the LaTeX builder assembles every page into one document (so
        # env.docname is the root page for all of them) and copies images by file name, so
        # two maps named by page and id would overwrite each other.
        digest = hashlib.sha256(markup.encode()).hexdigest()[:16]
        path = self.env.doctreedir / "opmap" / f"{ident}-{digest}.svg"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != markup:
            path.write_text(markup, encoding="utf-8")
        # An absolute path: Sphinx joins it to the source folder unchanged.
        uri = str(path)
        self.env.images.add_file(self.env.docname, uri)
        return nodes.image(uri=uri, candidates={"image/svg+xml": uri}, alt=title,
                           height=PRINT_HEIGHT, align="center")

    def text_alternative(self, gazetteer: Gazetteer, lines: list[ConvoyLine],
                         language: str) -> nodes.Element:
        box = nodes.container(classes=["opmap-text"])
        box += nodes.rubric("", _("Places and routes on the map"))
        places = nodes.bullet_list()
        for place in gazetteer.places:
            if place.placed:
                places += self.item(self.place_text(place, language))
        box += places

        routes = nodes.bullet_list()
        for line in lines:
            item = nodes.list_item()
            para = nodes.paragraph()
            label = _("Convoy {number}").format(number=line.number)
            para += self.convoy_link(line, label)
            text = _(": {origin} to {destination}").format(
                origin=line.origin, destination=line.destination)
            if line.via:
                text += _(", by way of {places}").format(places="; ".join(line.via))
            if line.route and line.drawn_at:
                text += " (" + "; ".join(
                    _("{area} drawn at {place}").format(area=written, place=place)
                    for written, place in line.drawn_at) + ")"
            elif not line.route:
                text += _("; {reason}").format(reason=line.reason)
            para += nodes.Text(text)
            item += para
            routes += item
        if lines:
            box += routes
        else:
            box += nodes.paragraph("", _("No convoy is recorded, so no route is drawn."))

        unplaced = [p for p in gazetteer.places if not p.placed]
        if unplaced:
            box += nodes.paragraph(
                "", _("Not placed on the map (coordinates unknown): {places}.").format(
                    places=", ".join(
                        p.label(language) + (f" ({p.note_in(language)})" if p.note else "") for p in unplaced)))
        box += nodes.paragraph("", _(
            "Coordinates as given on encyclopedia pages for each place; routes are lines "
            "between origin and arrival and do not show the roads taken."))
        return box

    @staticmethod
    def item(text: str) -> nodes.list_item:
        return nodes.list_item("", nodes.paragraph("", text))

    @staticmethod
    def place_text(place: Place, language: str) -> str:
        kinds = {
            "pocket": _("town of the pocket"),
            "orientation": _("for orientation"),
            "destination": _("where convoys arrived"),
            "region": _("region"),
        }
        text = _("{name}, {kind}: {lat:.4f}° N, {lon:.4f}° E").format(
            name=place.label(language), kind=kinds[place.kind], lat=place.lat, lon=place.lon)
        if place.conflict:
            text += " " + _("(sources conflict: {conflict}; the first is used)").format(
                conflict=place.conflict_in(language))
        return text

    def convoy_link(self, line: ConvoyLine, label: str) -> nodes.Node:
        if not line.docname:
            return nodes.Text(label)
        try:
            return make_refnode(self.builder, self.env.docname, line.docname, line.anchor,
                                nodes.inline("", label))
        except NoUri:
            return nodes.Text(label)
