"""A stand-in ``chron`` domain with chronicle's record API (events, convoys, reported)."""

from dataclasses import dataclass
from typing import ClassVar

from chronicle.dates import parse_date
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.domains import Domain
from sphinx.util.docutils import SphinxDirective


@dataclass(frozen=True)
class Record:
    docname: str
    lineno: int
    sources: tuple
    title: str = ""
    date: object = None
    number: int | None = None
    departed: object = None
    arrived: object = None
    quantity: str = ""
    as_of: object = None


class FakeChronicleDomain(Domain):
    name = "chron"
    initial_data: ClassVar[dict] = {"events": [], "convoys": [], "reported": []}

    events = property(lambda self: self.data["events"])
    convoys = property(lambda self: self.data["convoys"])
    reported = property(lambda self: self.data["reported"])

    def clear_doc(self, docname):
        for kind in self.initial_data:
            self.data[kind] = [r for r in self.data[kind] if r.docname != docname]


class RecordDirective(SphinxDirective):
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict] = {
        "date": directives.unchanged,
        "sources": directives.unchanged,
        "convoy": directives.positive_int,
        "quantity": directives.unchanged,
    }

    def run(self):
        sources = tuple(self.options.get("sources", "").split())
        date = parse_date(self.options["date"]) if "date" in self.options else None
        base = {"docname": self.env.docname, "lineno": self.lineno, "sources": sources}
        data = self.env.get_domain("chron").data
        if "convoy" in self.options:
            data["convoys"].append(Record(**base, number=self.options["convoy"], departed=date))
        elif "quantity" in self.options:
            data["reported"].append(Record(**base, quantity=self.options["quantity"], as_of=date))
        else:
            data["events"].append(Record(**base, title=self.arguments[0], date=date))
        return [nodes.paragraph(text=self.arguments[0] if self.arguments else "")]


def setup(app):
    app.add_domain(FakeChronicleDomain)
    app.add_directive("record", RecordDirective)
    return {"parallel_read_safe": True}
