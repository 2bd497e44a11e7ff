"""Odd digits and huge numbers in a page are located warnings, never a crash (hardening.md M3)."""

from __future__ import annotations

import pytest
from chronicle_support import CRASH, html_page, text_of, warnings

from chronicle.counts import CountError, parse_count

PAGE = """# Numbers

:::{chron:convoy} ²
:sources: alpha
:::

:::{chron:convoy} ①
:sources: alpha
:::

:::{chron:convoy} HUGE
:sources: alpha
:::

:::{chron:convoy} 1
:people: 12345678901234567890123456
:sources: alpha
:::

:::{chron:reported} people
:value: 12345678901234567890123456
:source: alpha
:::

```{chron:convoy-table}
:reported-people: 12345678901234567890123456 [alpha]
```

Text after the records.

```{toctree}
references
```
"""


@pytest.fixture(scope="module")
def built(chronicle_builds):
    page = PAGE.replace("HUGE", "9" * 5000)
    app = chronicle_builds.fresh("datafiles", "html", files={"index.md": page})
    app.build()
    return app, warnings(app)


def test_no_crash_and_the_page_is_kept(built):
    app, log = built
    assert not CRASH.search(log)
    assert "Text after the records." in text_of(html_page(app, "index.html"))
    assert (app.outdir / "_data" / "convoys.csv").exists()


@pytest.mark.parametrize(("line", "message"), [
    (3, "the convoy number must be a positive whole number, not '²'"),
    (7, "the convoy number must be a positive whole number, not '①'"),
    (11, "the convoy number must be a positive whole number, not '9999"),
    (15, "convoy: people: '12345678901234567890123456' has more than 12 digits"),
    (20, "reported: value: '12345678901234567890123456' has more than 12 digits"),
    (25, ":reported-people: '12345678901234567890123456' has more than 12 digits"),
])
def test_each_bad_number_is_located(built, line, message):
    _app, log = built
    assert f"index.md:{line}: WARNING: chron:" in log
    assert any(f"index.md:{line}:" in entry and message in entry for entry in log.splitlines())


@pytest.mark.parametrize("text", ["9" * 4301, "1" * 26, ">=" + "1" * 30, "~" + "5" * 13])
def test_parse_count_refuses_huge_numbers(text):
    with pytest.raises(CountError, match="digits"):
        parse_count(text)


def test_parse_count_keeps_large_real_counts():
    assert parse_count("123,456,789,012").value == 123456789012
