"""Parallel reads merge every record: chronicle's and opmap's merges are tested directly,
and a ``-j 2`` read followed by an edit writes what a clean build writes (issue item 6)."""

from __future__ import annotations

import copy
from types import SimpleNamespace

from chronicle_support import warnings

import opmap

KINDS = ("events", "convoys", "reported", "list_pages")


def test_chronicle_merge_brings_back_each_documents_records(chronicle_builds):
    # An app of its own: the records are taken apart and put back.
    app = chronicle_builds.fresh("chronicle", "html")
    app.build()
    domain = app.env.get_domain("chron")
    before = {kind: copy.deepcopy(domain.data[kind]) for kind in KINDS}
    docnames = sorted({doc for kind in KINDS for doc in before[kind]})
    assert len(docnames) > 2
    other = copy.deepcopy(domain.data)
    other["events"]["not-read-by-this-worker"] = other["events"][docnames[0]]
    for docname in docnames:
        domain.clear_doc(docname)
    assert all(not domain.data[kind] for kind in KINDS)
    domain.merge_domaindata(docnames, other)
    assert {kind: domain.data[kind] for kind in KINDS} == before


def test_opmap_merge_takes_the_workers_map_pages_only():
    env = SimpleNamespace(opmap_pages={"index"})
    worker = SimpleNamespace(opmap_pages={"map", "elsewhere"})
    opmap._merge(None, env, ["map"], worker)
    assert env.opmap_pages == {"index", "map"}


def pages(app) -> dict[str, bytes]:
    return {str(path.relative_to(app.outdir)): path.read_bytes()
            for path in sorted(app.outdir.glob("*.html"))} | {
        str(path.relative_to(app.outdir)): path.read_bytes()
        for path in sorted(app.outdir.glob("_data/*"))}


def test_parallel_read_then_edit_equals_clean(chronicle_builds):
    def change(srcdir):
        path = srcdir / "convoys.md"
        path.write_text(path.read_text().replace(":to: Jarabulus", ":to: al-Bab", 1))

    app = chronicle_builds.fresh("chronicle", "html", parallel=2)
    app.build()
    change(app.srcdir)
    app.build()
    incremental, incremental_log = pages(app), warnings(app)
    clean = chronicle_builds.fresh("chronicle", "html")
    change(clean.srcdir)
    clean.build()
    assert incremental_log == warnings(clean) == ""
    assert sorted(incremental) == sorted(pages(clean))
    assert [name for name in incremental if incremental[name] != pages(clean)[name]] == []
