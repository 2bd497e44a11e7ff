"""Synthetic chronicle projects: N pages of events, convoys and reported figures.

``write_project`` writes a Sphinx project (conf.py, a toctree, the pages, a list page and a
generated ``refs.bib``) that uses every chronicle directive. With ``plain=True`` it writes
the same corpus with each chronicle directive replaced by a plain admonition that carries
the same text and the same citations, and without the chronicle extension: the baseline
the benchmark compares against.

The corpus is a pure function of its arguments and seed, so two calls write the same bytes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

PLACES = [
    "Dumayr",
    "Jayrud",
    "al-Ruheibah",
    "al-Naseriyah",
    "al-Atna",
    "Jarabulus",
    "al-Bab",
    "Qaryatayn",
    "Adra",
    "Damascus",
]
ACTORS = [
    "Syrian Army",
    "Russian Military Police",
    "Jaysh al-Islam",
    "Unified Command",
    "Ahmad al-Abdo Forces",
    "SANA",
    "Syria Direct",
    "SOHR",
]
TAGS = ["negotiations", "fighting", "evacuation", "aftermath", "air-raids"]
WORDS = (
    "the convoy left town before dawn and reached the crossing after a long wait while "
    "negotiators met again to settle terms for families who wished to stay"
).split()


@dataclass
class Event:
    date: str
    title: str
    places: list[str]
    actors: list[str]
    sources: list[str]
    tags: list[str]
    name: str | None
    body: str
    #: The target the plain corpus gives the event, for its hand-written timeline.
    label: str = ""


@dataclass
class Convoy:
    number: int
    departed: str
    arrived: str
    origin: str
    destination: str
    counts: dict[str, str]
    groups: list[str]
    sources: list[str]
    body: str


@dataclass
class Reported:
    quantity: str
    value: str
    source: str
    as_of: str
    label: str


@dataclass
class Page:
    docname: str
    title: str
    items: list = field(default_factory=list)


def bib_keys(count: int) -> list[str]:
    return [f"src{index:04d}" for index in range(count)]


def bibliography(keys: list[str]) -> str:
    entries = []
    for index, key in enumerate(keys):
        day = index % 28 + 1
        entries.append(
            f"@article{{{key},\n"
            f"  title   = {{Report number {index} on the situation in the pocket}},\n"
            f"  journal = {{Outlet {index % 7}}},\n"
            f"  date    = {{2018-04-{day:02d}}},\n"
            f"  url     = {{https://example.org/reports/{key}}},\n"
            f"}}\n"
        )
    return "\n".join(entries)


def _date(rng: random.Random) -> str:
    year, month, day = 2018, rng.randint(1, 12), rng.randint(1, 28)
    form = rng.random()
    if form < 0.7:
        return f"{year}-{month:02d}-{day:02d}"
    if form < 0.8:
        return f"{year}-{month:02d}"
    if form < 0.9:
        return f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{min(day + 3, 28):02d}"
    return f"{year}-{month:02d}~"


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _cite(keys: list[str]) -> str:
    return "{cite:p}`" + ",".join(keys) + "`"


def make_pages(
    pages: int,
    events_per_page: int,
    convoys_per_page: int,
    reported_per_page: int,
    keys: list[str],
    seed: int,
) -> list[Page]:
    rng = random.Random(seed)
    result = []
    convoy_number = 0
    for page_index in range(pages):
        page = Page(f"page{page_index:04d}", f"Chapter {page_index}")
        for event_index in range(events_per_page):
            sources = rng.sample(keys, rng.randint(1, 2))
            page.items.append(
                Event(
                    date=_date(rng),
                    title=f"Event {page_index}.{event_index}: {_sentence(rng, 5)[:-1]}",
                    places=rng.sample(PLACES, rng.randint(1, 2)),
                    actors=rng.sample(ACTORS, rng.randint(1, 3)),
                    sources=sources,
                    tags=rng.sample(TAGS, rng.randint(0, 2)),
                    name=f"event-{page_index}-{event_index}" if event_index % 5 == 0 else None,
                    body=f"{_sentence(rng, 30)} {_cite(sources[:1])} {_sentence(rng, 20)}",
                    label=f"event-{page_index}-{event_index}",
                )
            )
        for _ in range(convoys_per_page):
            convoy_number += 1
            sources = rng.sample(keys, 1)
            page.items.append(
                Convoy(
                    number=convoy_number,
                    departed=_date(rng),
                    arrived="",
                    origin=rng.choice(PLACES),
                    destination=rng.choice(PLACES),
                    counts={
                        "buses": str(rng.randint(5, 80)),
                        "people": f"~{rng.randint(100, 3000)}",
                        "fighters": f'">={rng.randint(10, 900)}"',
                        "civilians": "unknown",
                    },
                    groups=rng.sample(ACTORS, 1),
                    sources=sources,
                    body=f"{_sentence(rng, 25)} {_cite(sources)}",
                )
            )
        for index in range(reported_per_page):
            page.items.append(
                Reported(
                    quantity=f"quantity-{(page_index * reported_per_page + index) % 50}",
                    value=f"{rng.randint(1, 9)},{rng.randint(0, 999):03d}",
                    source=rng.choice(keys),
                    as_of=f"2018-04-{rng.randint(1, 28):02d}",
                    label=f"Figure {(page_index * reported_per_page + index) % 50}",
                )
            )
        rng.shuffle(page.items)
        result.append(page)
    return result


# -- writing the chronicle form and the plain form -----------------------------------------


def _chronicle_item(item) -> str:
    if isinstance(item, Event):
        lines = [
            f":::{{chron:event}} {item.date}",
            f":title: {item.title}",
            f":place: {'; '.join(item.places)}",
            f":actors: {'; '.join(item.actors)}",
            f":sources: {', '.join(item.sources)}",
        ]
        if item.tags:
            lines.append(f":tags: {', '.join(item.tags)}")
        if item.name:
            lines.append(f":name: {item.name}")
        return "\n".join([*lines, "", item.body, ":::"])
    if isinstance(item, Convoy):
        lines = [
            f":::{{chron:convoy}} {item.number}",
            f":departed: {item.departed}",
            f":from: {item.origin}",
            f":to: {item.destination}",
            *(f":{name}: {value}" for name, value in item.counts.items()),
            f":groups: {'; '.join(item.groups)}",
            f":sources: {', '.join(item.sources)}",
        ]
        return "\n".join([*lines, "", item.body, ":::"])
    return "\n".join(
        [
            f":::{{chron:reported}} {item.quantity}",
            f":value: {item.value}",
            f":source: {item.source}",
            f":as-of: {item.as_of}",
            f":label: {item.label}",
            ":::",
        ]
    )


QUOTE = '"'


def _plain_item(item) -> str:
    """The same words and citations as a chronicle directive, in an ordinary admonition."""
    if isinstance(item, Event):
        return (
            f"({item.label})=\n:::{{admonition}} {item.title}\n"
            f"{item.date} · {'; '.join(item.places)} {_cite(item.sources)}\n\n"
            f"{item.body}\n:::"
        )
    if isinstance(item, Convoy):
        facts = "\n".join(
            f"{name}\n: {value.strip(QUOTE)}"
            for name, value in [
                ("Departed", item.departed),
                ("From", item.origin),
                ("To", item.destination),
                *item.counts.items(),
                ("Groups", "; ".join(item.groups)),
            ]
        )
        return (
            f"(convoy-{item.number})=\n:::{{admonition}} Convoy {item.number}\n"
            f"{_cite(item.sources)}\n\n"
            f"{facts}\n\n{item.body}\n:::"
        )
    return (
        f":::{{admonition}} {item.label}\n**{item.value}** {_cite([item.source])} · "
        f"{item.as_of}\n:::"
    )


def page_text(page: Page, plain: bool) -> str:
    render = _plain_item if plain else _chronicle_item
    blocks = [f"# {page.title}", f"Introduction to {page.title.lower()}."]
    for index, item in enumerate(page.items):
        if index % 10 == 0:
            blocks.append(f"## Part {index // 10 + 1}")
        blocks.append(render(item))
    return "\n\n".join(blocks) + "\n"


LISTS_CHRONICLE = """\
# Lists

The timeline of every event, every convoy and the figures the sources disagree on.

:::{chron:timeline}
:::

:::{chron:convoy-table}
:reported-buses: 1,240 [src0000]
:reported-people: ~50000 [src0001]
:::

:::{chron:discrepancies}
:::
"""


def lists_plain(pages: list[Page]) -> str:
    """The lists page written by hand: what chronicle's list directives produce, as Markdown."""
    items = [item for page in pages for item in page.items]
    events = sorted(
        (item for item in items if isinstance(item, Event)),
        key=lambda event: event.date.split("/")[0].rstrip("~?%"),
    )
    convoys = [item for item in items if isinstance(item, Convoy)]
    reported = [item for item in items if isinstance(item, Reported)]
    lines = [LISTS_CHRONICLE.split(":::")[0].rstrip(), ""]
    for event in events:
        lines.append(
            f"- **{event.date}** {{ref}}`{event.title} <{event.label}>` — "
            f"{'; '.join(event.places)} {_cite(event.sources)}"
        )
    lines += [
        "",
        "| Convoy | Dates | Route | Buses | People | Fighters | Civilians | Sources |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for convoy in convoys:
        counts = " | ".join(value.strip(QUOTE) for value in convoy.counts.values())
        lines.append(
            f"| {{ref}}`{convoy.number} <convoy-{convoy.number}>` | {convoy.departed} | "
            f"{convoy.origin} → {convoy.destination} | {counts} | {_cite(convoy.sources)} |"
        )
    lines.append("")
    for figure in sorted(reported, key=lambda figure: figure.quantity):
        lines.append(f"- {figure.label}: {figure.value} {_cite([figure.source])} ({figure.as_of})")
    return "\n".join(lines) + "\n"


REFERENCES = """\
# References

```{bibliography}
:all:
```
"""


def conf_py(plain: bool, extra: str = "") -> str:
    extensions = (
        ["myst_parser", "sphinxcontrib.bibtex", "newsbib"]
        if plain
        else ["myst_parser", "chronicle", "newsbib"]
    )
    return (
        f"extensions = {extensions!r}\n"
        'myst_enable_extensions = ["colon_fence", "deflist"]\n'
        'bibtex_bibfiles = ["refs.bib"]\n'
        'bibtex_default_style = "news"\n'
        'exclude_patterns = ["_build"]\n'
        'project = "Synthetic chronicle"\n'
        'copyright = "2026, benchmark"\n'
        "html_last_updated_fmt = None\n" + extra
    )


def write_project(
    root: Path,
    *,
    pages: int,
    events_per_page: int,
    convoys_per_page: int = 1,
    reported_per_page: int = 2,
    sources: int = 100,
    plain: bool = False,
    lists: bool = True,
    seed: int = 0,
    conf_extra: str = "",
) -> list[Page]:
    """Write the project into *root*; return its pages (to edit one later)."""
    root.mkdir(parents=True, exist_ok=True)
    keys = bib_keys(sources)
    corpus = make_pages(pages, events_per_page, convoys_per_page, reported_per_page, keys, seed)
    (root / "conf.py").write_text(conf_py(plain, conf_extra), encoding="utf-8")
    (root / "refs.bib").write_text(bibliography(keys), encoding="utf-8")
    toctree = [page.docname for page in corpus]
    if lists:
        toctree.append("lists")
        (root / "lists.md").write_text(
            lists_plain(corpus) if plain else LISTS_CHRONICLE, encoding="utf-8"
        )
    toctree.append("references")
    (root / "references.md").write_text(REFERENCES, encoding="utf-8")
    (root / "index.md").write_text(
        "# Synthetic chronicle\n\n```{toctree}\n:maxdepth: 1\n\n" + "\n".join(toctree) + "\n```\n",
        encoding="utf-8",
    )
    for page in corpus:
        write_page(root, page, plain)
    return corpus


def write_page(root: Path, page: Page, plain: bool = False) -> None:
    (root / f"{page.docname}.md").write_text(page_text(page, plain), encoding="utf-8")


def count_items(pages: list[Page]) -> dict[str, int]:
    counts = {"events": 0, "convoys": 0, "reported": 0}
    for page in pages:
        for item in page.items:
            counts[{Event: "events", Convoy: "convoys", Reported: "reported"}[type(item)]] += 1
    return counts
