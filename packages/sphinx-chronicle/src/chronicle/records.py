"""The plain, picklable records the ``chron`` domain keeps for each document."""

from __future__ import annotations

from dataclasses import dataclass, field

from .counts import Count
from .dates import EventDate


@dataclass(frozen=True, slots=True)
class EventRecord:
    docname: str
    lineno: int
    anchor: str
    date: EventDate
    title: str
    places: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    name: str | None = None
    source: str = ""
    only: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ConvoyRecord:
    docname: str
    lineno: int
    anchor: str
    number: int
    departed: EventDate | None = None
    arrived: EventDate | None = None
    #: Place names as written in the source text: stable keys for maps and exports.
    origin: str = ""
    destination: str = ""
    buses: Count = field(default_factory=lambda: Count("unknown"))
    people: Count = field(default_factory=lambda: Count("unknown"))
    fighters: Count = field(default_factory=lambda: Count("unknown"))
    civilians: Count = field(default_factory=lambda: Count("unknown"))
    groups: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    #: The same places as the build's language names them (empty: as written).
    origin_label: str = ""
    destination_label: str = ""
    #: What the sources call the convoy ("the second convoy of the four towns").
    label: str = ""
    #: Places on the way (towns, crossings) as written, and as the build's language names them.
    via: tuple[str, ...] = ()
    via_labels: tuple[str, ...] = ()
    source: str = ""
    only: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportedRecord:
    """One source's figure for a quantity: a count, a date or a short text (a place)."""

    docname: str
    lineno: int
    anchor: str
    quantity: str
    value: Count | None = None
    sources: tuple[str, ...] = ()
    as_of: EventDate | None = None
    label: str = ""
    #: What the figure covers as the source says it ("leaving Dumayr", "expected").
    scope: str = ""
    date: EventDate | None = None
    text: str = ""
    #: The convoy and field this figure gives, so the convoy table can show it disputed.
    convoy: int | None = None
    field: str = ""
    source: str = ""
    only: tuple[str, ...] = ()

    @property
    def comparable(self) -> object:
        """What two figures must share to agree ("5,000" and "about 5,000" do)."""
        if self.value is not None:
            return ("count", self.value.value)
        if self.date is not None:
            return ("date", self.date.lower, self.date.upper)
        return ("text", self.text.casefold())


# Every record also keeps where it is written and for which builders:
#   source: the file it is written in, which is not the page's own file when the page
#       includes it (``{include}``); ``lineno`` is a line of that file.
#   only: the expressions of the ``{only}`` directives around it; the lists of a builder
#       whose tags do not satisfy them all leave it out, as the page itself does.


def location(record) -> str:
    """Where *record* is written, as Sphinx names the place of a warning: "file:line"."""
    return f"{record.source}:{record.lineno}"


def shown_by(record, tags) -> bool:
    """Whether a builder with *tags* shows *record* (a broken expression shows it, as Sphinx does)."""
    for expression in record.only:
        try:
            if not tags.eval_condition(expression):
                return False
        except Exception:  # noqa: BLE001 - Sphinx warns of the expression itself, and keeps the content
            continue
    return True


#: The counted fields of a convoy, in table order.
CONVOY_COUNTS = ("buses", "people", "fighters", "civilians")
