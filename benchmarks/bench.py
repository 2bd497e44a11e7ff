"""Benchmark chronicle on synthetic projects (see corpus.py); ``nox -s bench`` runs it.

Measures, each within this one run so that ratios compare like with like on a shared
machine:

a. a full HTML build with chronicle against the same corpus written as plain admonitions
   (same text, same citations, no chronicle), whose lists page is written by hand; and
   the same pair without any lists page: the overhead ratios;
b. full builds at three sizes: how the time grows (20k/5k);
c. incremental builds after editing one event's body, then its title: documents re-read,
   and their time as a share of the full build;
d. a parallel build (``-j 2``) against the serial one.

Every build is ``python -m sphinx -q -b html`` in a subprocess, into a fresh output
folder; each figure is the best of ``--repeat`` runs (wall time by ``time.perf_counter``;
CPU time, user + system of the child, is recorded beside it because it is less disturbed by
other work on the machine). Prints a table and writes ``benchmarks/runs/latest.json`` (not
committed); ``--save`` writes ``benchmarks/results.json``, the committed figures that the
READMEs quote.

    python benchmarks/bench.py            # full: 1,000 / 5,000 / 20,000 events
    python benchmarks/bench.py --quick    # smoke run: 200 / 500 / 2,000 events
    python benchmarks/bench.py --save     # full run, replacing the committed figures
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Where a run's figures go, unless --save or --output says otherwise (ignored by git).
LATEST = HERE / "runs" / "latest.json"
#: The committed figures, quoted by README.md and benchmarks/README.md.
COMMITTED = HERE / "results.json"
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

#: (events, pages) of the three sizes; the middle one is where the targets are set. The
#: page count stays the same, so the sizes measure growth in records, not Sphinx's own
#: growth with the number of pages (every page's navigation sidebar lists every page).
SIZES = {
    "full": [(1_000, 200), (5_000, 200), (20_000, 200)],
    "quick": [(200, 20), (500, 20), (2_000, 20)],
}
#: A convoy and two reported figures come with every 25 events.
EVENTS_PER_CONVOY = 25
KINDS = ("chronicle", "plain", "chronicle-nolists", "plain-nolists")
TARGETS = {
    "overhead_ratio": 1.05,
    "scaling_ratio": 4.4,
    "incremental_reread": 1,
    "incremental_share": 0.10,
}


def build(source: Path, out: Path, *options: str, quiet: bool = True) -> dict:
    """One ``sphinx-build`` in a subprocess: wall and CPU seconds, warnings, its output."""
    command = [
        sys.executable,
        "-m",
        "sphinx",
        *(["-q"] if quiet else []),
        "-b",
        "html",
        *options,
        str(source),
        str(out),
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        sys.exit(f"build failed: {' '.join(command)}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    return {
        "wall": wall,
        "cpu": cpu,
        "warnings": len(warnings),
        "stdout": result.stdout,
        "first_warnings": warnings[:5],
    }


def best(runs: list[dict]) -> dict:
    return {
        "wall": min(run["wall"] for run in runs),
        "cpu": min(run["cpu"] for run in runs),
        "runs_wall": [round(run["wall"], 2) for run in runs],
        "warnings": max(run["warnings"] for run in runs),
        "first_warnings": next((run["first_warnings"] for run in runs if run["warnings"]), []),
    }


def full_builds(source: Path, work: Path, repeat: int, *options: str) -> list[dict]:
    runs = []
    for index in range(repeat):
        out = work / f"out-{source.name}-{index}{''.join(options).replace(' ', '')}"
        shutil.rmtree(out, ignore_errors=True)
        runs.append(build(source, out, *options))
        shutil.rmtree(out, ignore_errors=True)
    return runs


def reread_docs(stdout: str) -> list[str]:
    """The documents an incremental build read again, from Sphinx's progress lines."""
    return re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", stdout)


def incremental(source: Path, work: Path, pages: list, repeat: int, field: str) -> dict:
    """Edit one event of the middle page, rebuild, and again ``repeat`` times; then restore.

    *field* ``title`` changes the event's record, so the lists page is rewritten too;
    ``body`` changes only its text (same number of lines), so the records stay the same.
    """
    out = work / f"out-incremental-{field}"
    shutil.rmtree(out, ignore_errors=True)
    build(source, out)
    page = pages[len(pages) // 2]
    event = next(item for item in page.items if isinstance(item, corpus.Event))
    original = getattr(event, field)
    runs, reread = [], []
    for index in range(repeat):
        setattr(event, field, f"{original} Edit {index}.")
        corpus.write_page(source, page)
        run = build(source, out, quiet=False)
        runs.append(run)
        reread.append(reread_docs(run["stdout"]))
    setattr(event, field, original)
    corpus.write_page(source, page)
    shutil.rmtree(out, ignore_errors=True)
    return {**best(runs), "reread": reread, "edited": page.docname}


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "sphinx": _version("sphinx"),
        "myst_parser": _version("myst_parser"),
        "sphinxcontrib_bibtex": _version("sphinxcontrib.bibtex"),
    }


def _version(module: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}; print({module}.__version__)"],
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def results_path(save: bool, output: Path | None) -> Path:
    """Where the figures go: an ordinary run must not change the committed ones."""
    if output is not None:
        return output
    return COMMITTED if save else LATEST


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument("--repeat", type=int, help="runs per figure (default 2, quick 1)")
    parser.add_argument(
        "--save", action="store_true",
        help="write the committed benchmarks/results.json instead of benchmarks/runs/latest.json",
    )
    parser.add_argument("--output", type=Path, help="write the figures to this file instead")
    parser.add_argument(
        "--workdir", type=Path, help="keep the projects here (default: a temp folder)"
    )
    args = parser.parse_args(argv)
    output = results_path(args.save, args.output)
    mode = "quick" if args.quick else "full"
    repeat = args.repeat or (1 if args.quick else 2)
    sizes = SIZES[mode]
    (small, _), (middle, _), (large, _) = sizes

    work = args.workdir or Path(tempfile.mkdtemp(prefix="chronicle-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"mode": mode, "repeat": repeat, "machine": machine(), "builds": {}}
    builds = results["builds"]
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f}s] {message}", flush=True)

    # "plain" has the lists page written by hand (the same items, links and citations as
    # chronicle's lists); the "-nolists" pair at the middle size has no lists page at all,
    # which isolates the cost of the records from the cost of the lists.
    projects = {}
    for events, pages in sizes:
        kinds = KINDS if events == middle else KINDS[:2]
        for kind in kinds:
            projects[events, kind] = corpus.write_project(
                work / f"{kind}-{events}",
                pages=pages,
                events_per_page=events // pages,
                convoys_per_page=max(1, events // pages // EVENTS_PER_CONVOY),
                reported_per_page=max(2, 2 * events // pages // EVENTS_PER_CONVOY),
                plain=kind.startswith("plain"),
                lists=not kind.endswith("nolists"),
            )
    items = {events: corpus.count_items(projects[events, "chronicle"]) for events, _ in sizes}

    # (a) overhead and (b) scaling: at each size, chronicle and plain builds alternate, so
    # drift in the machine's load falls on both.
    for events, _ in sizes:
        runs: dict[str, list] = {kind: [] for kind in (KINDS if events == middle else KINDS[:2])}
        for _ in range(repeat):
            for kind in runs:
                log(f"({'a' if events == middle else 'b'}) {kind} build, {events} events")
                runs[kind] += full_builds(work / f"{kind}-{events}", work, 1)
        for kind, kind_runs in runs.items():
            builds[f"{kind}_{events}"] = best(kind_runs)

    # (c) incremental
    for field in ("body", "title"):
        log(f"(c) incremental builds, {middle} events, one event's {field} edited")
        builds[f"incremental_{field}_{middle}"] = incremental(
            work / f"chronicle-{middle}", work, projects[middle, "chronicle"], repeat, field
        )

    # (d) parallel
    log(f"(d) parallel build -j 2, {middle} events")
    builds[f"parallel_{middle}"] = best(
        full_builds(work / f"chronicle-{middle}", work, repeat, "-j", "2")
    )

    chronicle_middle = builds[f"chronicle_{middle}"]
    ratios = {}
    for clock in ("wall", "cpu"):
        ratios[f"overhead_{clock}"] = chronicle_middle[clock] / builds[f"plain_{middle}"][clock]
        ratios[f"overhead_nolists_{clock}"] = (
            builds[f"chronicle-nolists_{middle}"][clock] / builds[f"plain-nolists_{middle}"][clock]
        )
        ratios[f"overhead_vs_nolists_{clock}"] = (
            chronicle_middle[clock] / builds[f"plain-nolists_{middle}"][clock]
        )
        ratios[f"scaling_{clock}"] = builds[f"chronicle_{large}"][clock] / chronicle_middle[clock]
        ratios[f"scaling_plain_{clock}"] = (
            builds[f"plain_{large}"][clock] / builds[f"plain_{middle}"][clock]
        )
        for events in (small, large):
            ratios[f"overhead_{events}_{clock}"] = (
                builds[f"chronicle_{events}"][clock] / builds[f"plain_{events}"][clock]
            )
        for field in ("body", "title"):
            ratios[f"incremental_{field}_share_{clock}"] = (
                builds[f"incremental_{field}_{middle}"][clock] / chronicle_middle[clock]
            )
        ratios[f"parallel_{clock}"] = builds[f"parallel_{middle}"][clock] / chronicle_middle[clock]
    reread = max(
        len(docs)
        for field in ("body", "title")
        for docs in builds[f"incremental_{field}_{middle}"]["reread"]
    )
    results["items"] = {str(events): counts for events, counts in items.items()}
    results["ratios"] = ratios
    results["targets"] = {
        "overhead_ratio": {
            "target": TARGETS["overhead_ratio"],
            "wall": ratios["overhead_wall"],
            "cpu": ratios["overhead_cpu"],
            "met": ratios["overhead_wall"] <= TARGETS["overhead_ratio"],
        },
        "scaling_ratio": {
            "target": TARGETS["scaling_ratio"],
            "wall": ratios["scaling_wall"],
            "cpu": ratios["scaling_cpu"],
            "met": ratios["scaling_wall"] <= TARGETS["scaling_ratio"],
        },
        "incremental_reread": {
            "target": TARGETS["incremental_reread"],
            "value": reread,
            "met": reread <= TARGETS["incremental_reread"],
        },
        **{
            f"incremental_{field}_share": {
                "target": TARGETS["incremental_share"],
                "wall": ratios[f"incremental_{field}_share_wall"],
                "cpu": ratios[f"incremental_{field}_share_cpu"],
                "met": ratios[f"incremental_{field}_share_wall"] <= TARGETS["incremental_share"],
            }
            for field in ("body", "title")
        },
    }
    results["total_seconds"] = time.perf_counter() - started
    results["command"] = "python benchmarks/bench.py" + (" --quick" if args.quick else "")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print_table(results, small, middle, large)
    print(f"\nwrote {output}")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def print_table(results: dict, small: int, middle: int, large: int) -> None:
    builds, ratios, items = results["builds"], results["ratios"], results["items"]
    rows = [
        (f"chronicle, {small:,} events", builds[f"chronicle_{small}"]),
        (f"chronicle, {middle:,} events", builds[f"chronicle_{middle}"]),
        (f"chronicle, {large:,} events", builds[f"chronicle_{large}"]),
        (f"plain, {small:,} events", builds[f"plain_{small}"]),
        (f"plain, {middle:,} events", builds[f"plain_{middle}"]),
        (f"plain, {large:,} events", builds[f"plain_{large}"]),
        (f"chronicle, no lists page, {middle:,} events", builds[f"chronicle-nolists_{middle}"]),
        (f"plain, no lists page, {middle:,} events", builds[f"plain-nolists_{middle}"]),
        (f"incremental, event body edited ({middle:,})", builds[f"incremental_body_{middle}"]),
        (f"incremental, event title edited ({middle:,})", builds[f"incremental_title_{middle}"]),
        (f"parallel -j 2 ({middle:,})", builds[f"parallel_{middle}"]),
    ]
    print(f"\n{results['mode']} mode, best of {results['repeat']} runs; records per size:")
    for events, counts in items.items():
        print(
            f"  {int(events):>6,} events, {counts['convoys']:>4} convoys, "
            f"{counts['reported']:>4} reported figures"
        )
    print()
    print(f"{'build':42} {'wall s':>8} {'cpu s':>8} {'warnings':>9}")
    for label, figures in rows:
        print(f"{label:42} {figures['wall']:8.2f} {figures['cpu']:8.2f} {figures['warnings']:9d}")
    print()
    targets = results["targets"]
    print(f"{'ratio':42} {'wall':>8} {'cpu':>8} {'target':>9}")
    for label, key, target in [
        (f"chronicle / plain ({middle:,})", "overhead", "<= 1.05"),
        (f"chronicle / plain, neither with lists ({middle:,})", "overhead_nolists", ""),
        (f"chronicle / plain without lists ({middle:,})", "overhead_vs_nolists", ""),
        (f"chronicle / plain ({small:,})", f"overhead_{small}", ""),
        (f"chronicle / plain ({large:,})", f"overhead_{large}", ""),
        (f"{large:,} / {middle:,} events, chronicle", "scaling", "<= 4.4"),
        (f"{large:,} / {middle:,} events, plain", "scaling_plain", ""),
        ("incremental (body edit) / full build", "incremental_body_share", "<= 0.10"),
        ("incremental (title edit) / full build", "incremental_title_share", "<= 0.10"),
        ("-j 2 / serial", "parallel", ""),
    ]:
        print(f"{label:42} {ratios[key + '_wall']:8.3f} {ratios[key + '_cpu']:8.3f} {target:>9}")
    reread = targets["incremental_reread"]["value"]
    print(f"{'documents re-read after one edit':42} {reread:8d} {'':8} {'1':>9}")


if __name__ == "__main__":
    sys.exit(main())
