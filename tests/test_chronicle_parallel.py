"""A ``-j 2`` build writes the same bytes as a serial one: records merge in reading order."""

from __future__ import annotations

import pytest
from chronicle_support import warnings


@pytest.fixture(scope="module")
def serial(chronicle_builds):
    return chronicle_builds("chronicle", "html")


@pytest.fixture(scope="module")
def parallel(chronicle_builds):
    app = chronicle_builds("chronicle", "html", parallel=2)
    # The root has more than five documents, so Sphinx really reads and writes in parallel.
    assert (
        app.parallel == 2 and app.is_parallel_allowed("read") and app.is_parallel_allowed("write")
    )
    return app


def outputs(app, pattern: str) -> dict[str, bytes]:
    return {
        str(path.relative_to(app.outdir)): path.read_bytes()
        for path in sorted(app.outdir.glob(pattern))
    }


def test_parallel_build_is_warning_free(parallel):
    assert warnings(parallel) == ""


def test_parallel_pages_are_byte_identical_to_serial(serial, parallel):
    serial_pages, parallel_pages = outputs(serial, "*.html"), outputs(parallel, "*.html")
    assert serial_pages.keys() == parallel_pages.keys()
    differing = [name for name in serial_pages if serial_pages[name] != parallel_pages[name]]
    assert differing == []


def test_parallel_exports_are_byte_identical_to_serial(serial, parallel):
    serial_data, parallel_data = outputs(serial, "_data/*"), outputs(parallel, "_data/*")
    assert sorted(serial_data) == ["_data/bibliography.csl.json", "_data/convoys.csv",
                                   "_data/events-acled.csv", "_data/events.json",
                                   "_data/reported.json"]
    assert serial_data == parallel_data
