"""Fuzzing the record directives: whatever an author writes, the build survives and says why.

Hypothesis generates directive inputs (dates, counts, numbers, keys, option values with
HTML, LaTeX and Markdown specials and any Unicode, missing options); each input knows by
construction which ``chronicle`` warnings it must raise. Inputs are gathered first and then
built many to a page and a thousand to a build, so ten thousand inputs take a few builds.
For each build:

- Sphinx returns normally (no traceback, no extension error);
- every invalid input has a warning at its own ``file:line`` with each expected
  ``[chronicle.<subtype>]``, a valid input has none, and no other warning appears;
- no markup from a field reaches the HTML unescaped;
- in LaTeX, the special characters of fields arrive escaped (and, with xelatex installed,
  a generated document compiles).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle import dates

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import corpus  # noqa: E402  (benchmarks/corpus.py: conf.py and bibliography writers)

KEYS = corpus.bib_keys(6)
UNKNOWN_KEYS = ["nosuchkey", "src9999", "Src0000x"]
#: Field text that must never reach a reader as markup. "fz" marks it in the output.
MARKUP = [
    "<script>fz()</script>",
    "<b>fz</b>",
    '<img src=x onerror="fz()">',
    "fz&co",
    r"\textbf{fz}",
    "fz 50%",
    "fz $5",
    "{fz}",
    "fz#1",
    "fz_1",
    "fz^1",
    "fz~1",
    "`fz`",
    "*fz*",
    "{cite:p}`fz`",
    "[fz](http://x)",
    "fz\\",
    "fz\"'",
]
#: Raw forms that would be markup in HTML output.
HTML_RAW = ["<script>fz", "<b>fz", "<img src=x", "fz&co"]
#: Raw forms that would be markup in LaTeX output.
LATEX_RAW = [r"\textbf{fz}", "fz 50%", "fz $5", "fz&co", "fz#1", "fz_1", "fz^1", "{fz}"]
HTML_BATCHES, LATEX_BATCHES = 10, 1
PER_EXAMPLE, PER_PAGE, PER_BUILD = 50, 100, 1_000

# -- what an input is ---------------------------------------------------------------------


@dataclass
class Case:
    """One directive: its source lines, and the warning subtypes it must raise."""

    kind: str
    argument: str
    options: dict[str, str]
    expected: frozenset[str]
    body: str = ""
    fields: list[str] = field(default_factory=list)
    #: Whether it makes a record (an event with a date and a title, even if a source is unknown).
    recorded: bool = False

    def lines(self) -> list[str]:
        lines = [f":::{{chron:{self.kind}}} {self.argument}".rstrip()]
        # JSON strings are YAML double-quoted strings: any text survives option parsing.
        lines += [
            f":{name}: {json.dumps(value, ensure_ascii=False)}"
            for name, value in self.options.items()
        ]
        if self.body:
            lines += ["", self.body]
        return [*lines, ":::"]


# -- strategies ---------------------------------------------------------------------------

letters = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
free_text = st.text(letters, min_size=1, max_size=10)
nasty = st.lists(st.one_of(st.sampled_from(MARKUP), free_text), min_size=1, max_size=3).map(
    lambda parts: "T " + " ".join(parts)
)


@st.composite
def valid_dates(draw) -> str:
    def point():
        day = draw(st.dates(dt.date(1000, 1, 1), dt.date(2100, 12, 31)))
        form = draw(st.sampled_from(["day", "month", "year"]))
        text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[
            form
        ]
        return text + draw(st.sampled_from(["", "", "~", "?", "%"])), day

    start, start_day = point()
    if draw(st.booleans()):
        return start
    end, end_day = point()
    return f"{start}/{end}" if end_day.year > start_day.year else start


invalid_dates = st.one_of(
    st.sampled_from(
        [
            "2018-13-01",
            "2018-02-30",
            "2018-04-31",
            "0000",
            "2018-05-01/2018-04-01",
            "18-04-03",
            "2018/04/03",
            "April 2018",
            "2018-04-03T",
            "yesterday",
        ]
    ),
    st.text(
        st.characters(whitelist_categories=("Ll",), max_codepoint=0x77), min_size=1, max_size=8
    ),
)
valid_counts = st.sampled_from(
    ["44", "2,500", ">=30", "~1500", "unknown", "≥5", "0", "+7", "Unknown"]
)
invalid_counts = st.sampled_from(["lots", "-5", "1,00", "5-", "~", "", "1.5", "12 buses", "∞"])
invalid_labels = st.sampled_from(["-bad", "a b", "é", "_x", ".", "x y", "<b>"])


@st.composite
def sources(draw, expected: set[str], option: str = "sources") -> dict[str, str]:
    choice = draw(st.sampled_from(["valid"] * 17 + ["unknown", "missing", "blank"]))
    if choice == "missing":
        expected.add("source")
        return {}
    if choice == "blank":
        expected.add("source")
        return {option: " , "}
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=3, unique=True))
    if choice == "unknown":
        keys.insert(draw(st.integers(0, len(keys))), draw(st.sampled_from(UNKNOWN_KEYS)))
        expected.add("source")
    return {option: ", ".join(keys)}


def optional_date(draw, expected: set[str], required: bool = False) -> str | None:
    choice = draw(st.sampled_from(["valid"] * 8 + ["invalid", "missing"]))
    if choice == "missing":
        if required:
            expected.add("date")
        return None
    if choice == "invalid":
        expected.add("date")
        return draw(invalid_dates)
    return draw(valid_dates())


@st.composite
def events(draw) -> Case:
    expected: set[str] = set()
    options: dict[str, str] = {}
    date = optional_date(draw, expected, required=True)
    title = draw(st.one_of(*[nasty] * 10, st.sampled_from(["", "   ", None])))
    if title is not None:
        options["title"] = title
    if not (title or "").strip():
        expected.add("option")
    for name in ("place", "actors", "tags"):
        if draw(st.booleans()):
            options[name] = draw(nasty)
    name_choice = draw(st.sampled_from(["none"] * 6 + ["valid"] * 3 + ["invalid"]))
    if name_choice == "valid":
        options["name"] = "NAME"  # made unique when the page is written
    elif name_choice == "invalid":
        options["name"] = draw(invalid_labels)
        expected.add("option")
    options.update(draw(sources(expected)))
    body = draw(st.sampled_from(["", "What happened, told plainly.", "A *told* event."]))
    fields = [
        value for key, value in options.items() if key in ("title", "place", "actors", "tags")
    ]
    recorded = bool(date) and "date" not in expected and bool((title or "").strip())
    return Case("event", date or "", options, frozenset(expected), body, fields, recorded)


@st.composite
def convoys(draw) -> Case:
    expected: set[str] = set()
    options: dict[str, str] = {}
    number = draw(
        st.one_of(*[st.just("NUMBER")] * 8, st.sampled_from(["x", "0", "-3", "1.5", "", "#2"]))
    )
    if number != "NUMBER":
        expected.add("number")
    for name in ("departed", "arrived"):
        value = optional_date(draw, expected)
        if value is not None:
            options[name] = value
    for name in ("from", "to", "groups"):
        if draw(st.booleans()):
            options[name] = draw(nasty)
    for name in ("buses", "people", "fighters", "civilians"):
        choice = draw(st.sampled_from(["valid"] * 12 + ["invalid", "missing", "missing"]))
        if choice == "valid":
            options[name] = draw(valid_counts)
        elif choice == "invalid":
            options[name] = draw(invalid_counts)
            expected.add("count")
    options.update(draw(sources(expected)))
    fields = [value for key, value in options.items() if key in ("from", "to", "groups")]
    return Case("convoy", number, options, frozenset(expected), "Told.", fields)


@st.composite
def reported(draw) -> Case:
    expected: set[str] = set()
    options: dict[str, str] = {}
    quantity = draw(
        st.one_of(*[st.sampled_from(["people", "buses", "q-1", "rounds.2"])] * 8, invalid_labels)
    )
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.:-]*", quantity):
        expected.add("quantity")
    choice = draw(st.sampled_from(["valid"] * 8 + ["invalid", "missing"]))
    if choice == "missing":
        expected.add("option")
    else:
        options["value"] = draw(valid_counts if choice == "valid" else invalid_counts)
        if choice == "invalid":
            expected.add("count")
    options.update(draw(sources(expected, "source")))
    as_of = optional_date(draw, expected)
    if as_of is not None:
        options["as-of"] = as_of
    if draw(st.booleans()):
        options["label"] = draw(nasty)
    fields = [options["label"]] if "label" in options else []
    return Case("reported", quantity, options, frozenset(expected), "", fields)


directive_inputs = st.lists(
    st.one_of(events(), events(), convoys(), reported()), min_size=PER_EXAMPLE, max_size=PER_EXAMPLE
)

# -- gathering, writing and building ------------------------------------------------------

GATHERED: list[Case] = []


@settings(
    max_examples=(HTML_BATCHES + LATEX_BATCHES) * PER_BUILD // PER_EXAMPLE,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(directive_inputs)
def test_gather_directive_inputs(cases):
    """Hypothesis draws the inputs; a handful of builds below check them all at once."""
    GATHERED.extend(cases)


LISTS = """# Lists

:::{chron:timeline}
:::

:::{chron:convoy-table}
:::

:::{chron:discrepancies}
:::

# Sources

```{bibliography}
:all:
```
"""


def write_project(root: Path, cases: list[Case], offset: int) -> dict[tuple[str, int], Case]:
    """Pages of PER_PAGE directives; returns where each directive starts: (page, line)."""
    root.mkdir(parents=True)
    (root / "conf.py").write_text(corpus.conf_py(plain=False), encoding="utf-8")
    (root / "refs.bib").write_text(corpus.bibliography(KEYS), encoding="utf-8")
    where: dict[tuple[str, int], Case] = {}
    pages = []
    for start in range(0, len(cases), PER_PAGE):
        page = f"page{len(pages):02d}"
        lines = [f"# Page {len(pages)}", ""]
        for index, case in enumerate(cases[start : start + PER_PAGE]):
            serial = offset + start + index
            if case.argument == "NUMBER":
                case.argument = str(serial + 1)
            if case.options.get("name") == "NAME":
                case.options["name"] = f"event-{serial}"
            where[page, len(lines) + 1] = case
            lines += [*case.lines(), ""]
        (root / f"{page}.md").write_text("\n".join(lines), encoding="utf-8")
        pages.append(page)
    (root / "lists.md").write_text(LISTS, encoding="utf-8")
    (root / "index.md").write_text(
        "# Fuzz\n\n```{toctree}\n\n" + "\n".join([*pages, "lists"]) + "\n```\n", encoding="utf-8"
    )
    return where


WARNING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+): WARNING: (?P<message>.*?)(?: \[(?P<type>[\w.-]+)\])?$"
)


def build(root: Path, builder: str) -> tuple[Path, list[re.Match]]:
    out = root / "_build" / builder
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", builder, str(root), str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert not re.search(r"Traceback|Exception occurred|[Ee]xtension error", result.stderr), (
        result.stderr[-3000:]
    )
    problems = [line for line in result.stderr.splitlines() if "WARNING" in line or "ERROR" in line]
    matches = [WARNING.match(line) for line in problems]
    unlocated = [line for line, match in zip(problems, matches) if not match]
    assert not unlocated, f"warnings without file:line: {unlocated[:5]}"
    return out, matches


def check_warnings(where: dict[tuple[str, int], Case], warnings: list[re.Match]) -> None:
    actual: dict[tuple[str, int], set[str]] = {}
    for warning in warnings:
        assert (warning["type"] or "").startswith("chronicle."), warning.group(0)
        page = Path(warning["path"]).stem
        actual.setdefault((page, int(warning["line"])), set()).add(warning["type"].split(".", 1)[1])
    stray = set(actual) - set(where)
    assert not stray, f"chronicle warnings away from any directive: {sorted(stray)[:5]}"
    for place, case in where.items():
        got = actual.get(place, set())
        text = "\n".join(case.lines())
        assert case.expected <= got, (
            f"{place}: expected {sorted(case.expected)}, got {sorted(got)}\n{text}"
        )
        assert got <= case.expected, f"{place}: unexpected {sorted(got - case.expected)}\n{text}"


def batches(count: int, skip: int = 0) -> list[list[Case]]:
    assert len(GATHERED) >= (skip + count) * PER_BUILD, "test_gather_directive_inputs runs first"
    return [
        GATHERED[(skip + index) * PER_BUILD : (skip + index + 1) * PER_BUILD]
        for index in range(count)
    ]


@pytest.mark.parametrize("batch", range(HTML_BATCHES))
def test_html_builds_warn_at_each_invalid_input_and_escape_fields(batch, tmp_path):
    cases = batches(HTML_BATCHES)[batch]
    where = write_project(tmp_path / "src", cases, batch * PER_BUILD)
    out, warnings = build(tmp_path / "src", "html")
    check_warnings(where, warnings)
    for page in out.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        for raw in HTML_RAW:
            assert raw not in html, f"{raw!r} unescaped in {page.name}"
    timeline = (out / "lists.html").read_text(encoding="utf-8")
    recorded = [case for case in cases if case.kind == "event" and case.recorded]
    assert timeline.count('<li class="chron-entry ') == len(recorded)


def test_latex_escapes_every_special_character_of_fields(tmp_path):
    from sphinx.util import texescape

    texescape.init()
    (cases,) = batches(LATEX_BATCHES, skip=HTML_BATCHES)
    write_project(tmp_path / "src", cases, HTML_BATCHES * PER_BUILD)
    out, _warnings = build(tmp_path / "src", "latex")
    (tex,) = out.glob("*.tex")
    # Ids (labels, link targets) are written inside \detokenize, where nothing is special.
    text = re.sub(r"\\detokenize\{[^{}]*\}", "", tex.read_text(encoding="utf-8"))
    for raw in LATEX_RAW:
        escaped = texescape.escape(raw)
        assert raw not in text.replace(escaped, ""), f"{raw!r} unescaped in the LaTeX"
    used = {token for case in cases for value in case.fields for token in MARKUP if token in value}
    for token in used & set(LATEX_RAW):
        assert texescape.escape(token) in text


@pytest.mark.skipif(
    not (shutil.which("xelatex") and shutil.which("latexmk")), reason="needs xelatex and latexmk"
)
def test_generated_latex_compiles(tmp_path):
    """A small generated document with every kind of field markup goes through xelatex."""
    cases = [case for case in GATHERED[:400] if case.fields][:40]
    root = tmp_path / "src"
    write_project(root, cases, 50_000)
    conf = root / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8") + 'latex_engine = "xelatex"\n', encoding="utf-8"
    )
    out, _warnings = build(root, "latex")
    (tex,) = out.glob("*.tex")
    result = subprocess.run(
        ["latexmk", "-pdf", "-xelatex", "-interaction=nonstopmode", "-halt-on-error", tex.name],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=240,
    )
    log = tex.with_suffix(".log")
    assert result.returncode == 0, (
        log.read_text(errors="replace") if log.exists() else result.stdout
    )[-3000:]


def test_plain_dates_are_read_as_edtf_reads_them():
    """The fast reading of plain dates (dates._plain_date) agrees with the EDTF grammar's."""

    def edtf_reading(text):
        try:
            parsed = dates.parse_edtf(text)
        except Exception:
            return "error"
        return parsed

    @settings(max_examples=300, deadline=None, database=None)
    @given(
        st.one_of(
            valid_dates(),
            invalid_dates,
            st.from_regex(r"\A[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[~?%]?(/[0-9]{4}(-[0-9]{2})?)?\Z"),
        )
    )
    def agree(text):
        fast = dates._plain_date(text)
        if fast is None:
            return
        saved = dates._plain_date
        dates._plain_date = lambda _text: None
        try:
            slow = dates.parse_date(text)
        except dates.DateError as exc:
            slow = exc
        finally:
            dates._plain_date = saved
        assert fast == slow, (text, edtf_reading(text))

    agree()


def test_count_of_generated_inputs(capsys):
    count = len(GATHERED)
    with capsys.disabled():
        print(
            f"\ntest_fuzz_directives: {count} generated directive inputs, "
            f"{sum(bool(case.expected) for case in GATHERED)} of them invalid"
        )
    assert count >= 10_000
