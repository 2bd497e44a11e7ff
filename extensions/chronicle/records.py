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


@dataclass(frozen=True, slots=True)
class ReportedRecord:
    docname: str
    lineno: int
    anchor: str
    quantity: str
    value: Count
    sources: tuple[str, ...] = ()
    as_of: EventDate | None = None
    label: str = ""


#: The counted fields of a convoy, in table order.
CONVOY_COUNTS = ("buses", "people", "fighters", "civilians")
