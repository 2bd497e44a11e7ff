"""The exports in standard formats: the bibliography as CSL-JSON (a CSL processor reads it)
and the events under ACLED's column names, built from a small project with awkward sources."""

from __future__ import annotations

import csv
import io
import json

import pytest
from chronicle_support import warnings

BIB = r"""@article{wire,
  title    = {Rebels agree to leave},
  journal  = {The Jordan Times},
  agency   = {Reuters},
  kind     = {wire},
  date     = {2018-04-20},
  urldate  = {2018-05-01},
  url      = {https://example.org/wire},
  note     = {Carried by several papers \& sites.},
  note_es  = {Publicado por varios diarios.},
}
@article{arabic,
  title         = {خروج الدفعة الأولى},
  transtitle    = {The first group leaves},
  transtitle_es = {Sale el primer grupo},
  journal       = {Enab Baladi},
  kind          = {opposition},
  language      = {ar},
  date          = {2018-04},
  url           = {javascript:alert(1)},
}
"""

PAGE = """# Exports

:::{chron:event} 2018-04-19/2018-04-21
:title: =Evacuation talks
:place: Dumayr; Jarabulus
:actors: Jaysh al-Islam; Russian military police
:tags: evacuation
:sources: wire, arabic
:::

:::{chron:event} 2018-04
:title: A month of talks
:sources: wire
:::

```{toctree}
references
```
"""


@pytest.fixture(scope="module")
def built(chronicle_builds):
    app = chronicle_builds.fresh("datafiles", "html", files={"index.md": PAGE, "refs.bib": BIB})
    app.build()
    return app


@pytest.fixture(scope="module")
def csl(built):
    # The one warning is newsbib's, for the javascript: address it leaves out.
    unexpected = [line for line in warnings(built).splitlines()
                  if "WARNING" in line and "[newsbib.link]" not in line]
    assert not unexpected
    return {item["id"]: item for item in json.loads(
        (built.outdir / "_data" / "bibliography.csl.json").read_text(encoding="utf-8"))}


def test_a_wire_story_has_its_agency_as_author_and_its_carrier_as_container(csl):
    item = csl["wire"]
    assert item["type"] == "article-newspaper"
    assert item["author"] == [{"literal": "Reuters"}]
    assert item["container-title"] == "The Jordan Times"
    assert item["issued"] == {"date-parts": [[2018, 4, 20]]}
    assert item["accessed"] == {"date-parts": [[2018, 5, 1]]}
    assert item["note"] == "Carried by several papers & sites."
    assert item["custom"]["kind"] == "wire"


def test_a_title_keeps_its_language_with_its_translations_beside(csl):
    item = csl["arabic"]
    assert item["title"] == "خروج الدفعة الأولى" and item["language"] == "ar"
    assert item["custom"]["transtitle"] == {"en": "The first group leaves",
                                            "es": "Sale el primer grupo"}
    # A month is a month, and an address that is not http(s) is not exported.
    assert item["issued"] == {"date-parts": [[2018, 4]]}
    assert "URL" not in item


def test_a_csl_processor_formats_the_bibliography(csl):
    citeproc = pytest.importorskip("citeproc")
    from citeproc.source.json import CiteProcJSON

    source = CiteProcJSON(list(csl.values()))
    style = citeproc.CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = citeproc.CitationStylesBibliography(style, source, citeproc.formatter.plain)
    bibliography.register(citeproc.Citation([citeproc.CitationItem("wire")]))
    (entry,) = [str(item) for item in bibliography.bibliography()]
    assert "Reuters" in entry and "Rebels agree to leave" in entry and "2018" in entry


@pytest.fixture(scope="module")
def acled(built):
    text = (built.outdir / "_data" / "events-acled.csv").read_text(encoding="utf-8")
    return {row["x_edtf"]: row for row in csv.DictReader(io.StringIO(text))}


def test_events_have_acled_columns_with_the_middle_of_a_span_and_its_precision(acled):
    talks, month = acled["2018-04-19/2018-04-21"], acled["2018-04"]
    assert talks["event_date"] == "2018-04-20" and talks["time_precision"] == "2"
    assert (talks["x_date_lower"], talks["x_date_upper"]) == ("2018-04-19", "2018-04-21")
    assert talks["actor1"] == "Jaysh al-Islam"
    assert talks["assoc_actor_1"] == "Russian military police"
    assert talks["location"] == "Dumayr" and talks["x_places"] == "Dumayr; Jarabulus"
    assert talks["source"] == "The Jordan Times; Enab Baladi"
    assert talks["country"] == "Syria"
    assert month["event_date"] == "2018-04-15" and month["time_precision"] == "3"
    assert month["x_edtf"] == "2018-04"


def test_acled_cells_are_safe_to_open_in_a_spreadsheet(acled):
    talks = acled["2018-04-19/2018-04-21"]
    assert talks["notes"] == "'=Evacuation talks"
    assert talks["x_source_urls"] == "https://example.org/wire; "
