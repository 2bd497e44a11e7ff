"""chronicle's configuration values, as a project's conf.py would set them."""

from __future__ import annotations

from chronicle_support import warnings


def test_a_whole_number_tolerance_is_accepted(chronicle_builds):
    # ``chron_approximate_tolerance = 0`` is natural in conf.py; it must not fail a -W build.
    app = chronicle_builds("chronicle", "html", confoverrides={"chron_approximate_tolerance": 0})
    assert warnings(app) == ""
