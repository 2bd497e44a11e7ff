"""Every data export of the real site, in both languages, validates against its JSON Schema
in schemas/; and the schemas can fail: a broken record is refused with its place named."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")
from referencing import Registry, Resource  # noqa: E402  (installed with jsonschema)

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
#: Each export and its schema; CSV files are validated row by row.
EXPORTS = {
    "events.json": "events.schema.json",
    "reported.json": "reported.schema.json",
    "bibliography.csl.json": "bibliography.csl.schema.json",
    "convoys.csv": "convoys.schema.json",
    "events-acled.csv": "events-acled.schema.json",
}


def registry() -> Registry:
    resources = [(path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))))
                 for path in SCHEMAS.glob("*.schema.json")]
    return Registry().with_resources(resources)


def validator(schema_name: str):
    schema = json.loads((SCHEMAS / schema_name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, registry=registry(), format_checker=cls.FORMAT_CHECKER)


def load(path: Path):
    if path.suffix == ".csv":
        with open(path, encoding="utf-8", newline="") as file:
            return list(csv.DictReader(file))
    return json.loads(path.read_text(encoding="utf-8"))


def errors(schema_name: str, data) -> list[str]:
    check = validator(schema_name)
    rows = data if schema_name.endswith(("convoys.schema.json", "acled.schema.json")) else [data]
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for row in rows for error in check.iter_errors(row)]


@pytest.mark.site
@pytest.mark.parametrize("export", sorted(EXPORTS))
def test_every_export_of_the_site_validates(site_html, site_html_es, export):
    for site in (site_html, site_html_es):
        data = load(site / "_data" / export)
        assert data, f"{site / '_data' / export} is empty"
        found = errors(EXPORTS[export], data)
        assert not found, f"{site / '_data' / export}:\n" + "\n".join(found[:20])


@pytest.mark.site
def test_the_recorded_editions_validate_too():
    editions = SCHEMAS.parent / "docs" / "_editions"
    for folder in sorted(editions.glob("*/*/")):
        for export in ("events.json", "reported.json", "bibliography.csl.json", "convoys.csv"):
            found = errors(EXPORTS[export], load(folder / export))
            assert not found, f"{folder / export}:\n" + "\n".join(found[:20])


def test_a_broken_record_is_refused_where_it_is():
    editions = Path(__file__).parent / "roots" / "test-editions" / "_editions" / "2026.02" / "en"
    events = load(editions / "events.json")
    assert not errors("events.schema.json", events)
    broken = copy.deepcopy(events)
    broken[0]["date"]["precision"] = "week"
    broken[0]["sources"][0]["url"] = "javascript:alert(1)"
    found = errors("events.schema.json", broken)
    assert any(line.startswith("0/date/precision:") for line in found), found
    assert any(line.startswith("0/sources/0/url:") for line in found), found
    reported = load(editions / "reported.json")
    reported[0]["value"] = {"kind": "unknown", "value": 12}
    assert any(line.startswith("0/value") for line in errors("reported.schema.json", reported))
    rows = load(editions / "convoys.csv")
    rows[0]["buses_value"] = "forty"
    assert errors("convoys.schema.json", rows)
