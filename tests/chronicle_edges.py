"""The ``chronicle-edges`` root: records in ``{only}`` and ``{include}``, filters that select
nothing, quotes in titles. Its warnings, one per line, with the source folder taken out."""

from __future__ import annotations

import os

from chronicle_support import warnings


def located_warnings(app, page: str | None = None) -> list[str]:
    lines = warnings(app).replace(str(app.srcdir) + os.sep, "").splitlines()
    return [line for line in lines if page is None or line.startswith(f"{page}:")]
