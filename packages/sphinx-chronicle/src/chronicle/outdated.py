"""Pages to write again when what they show of other pages has changed.

Sphinx writes again the pages it reads again. A page that was not edited can still show
something that was: the title of the event or section a ``{ref}`` on it points to (or that
the label is gone, which a clean build warns of), the titles and order of the pages in its
navigation, and the lists of records with their sources' numbers and tooltips. Each
``env-get-updated`` handler here compares what those pages show with what they showed when
they were last written, and names the pages to write again, so that an incremental build
writes what a clean build writes (tests/test_incremental_equals_clean.py).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util import docname_join, logging

logger = logging.getLogger(__name__)

#: ``std`` roles whose text or link comes from another page's label.
LABEL_ROLES = ("ref", "numref")


def referenced_targets(env, docname: str, doctree: nodes.document) -> list[tuple[str, str]]:
    """The labels and pages a document refers to: ("ref", label), ("doc", docname), and
    ("path", docname) for a MyST link to a file that did not exist when it was read."""
    suffixes = tuple(env.config.source_suffix)
    targets = set()
    for node in doctree.findall(addnodes.pending_xref):
        domain, role, target = node.get("refdomain"), node.get("reftype"), node.get("reftarget", "")
        if domain == "std" and role in LABEL_ROLES:
            targets.add(("ref", target.lower()))
        elif domain == "chron" and role == "event":  # {chron:event}`name`
            targets.add(("ref", target.lower()))
        elif domain == "std" and role == "doc":
            targets.add(("doc", docname_join(node.get("refdoc", docname), target)))
        elif role == "myst" and domain == "doc":  # [text](page.md): MyST names the page
            targets.add(("doc", target))
        elif role == "myst" and domain is None and target.endswith(suffixes):
            # MyST found no such file when it read the page; it will if one is added.
            path = target.removesuffix(next(suffix for suffix in suffixes if target.endswith(suffix)))
            targets.add(("path", docname_join(docname, path)))
        elif role == "myst" and domain is None:  # [text](#label)
            targets.add(("ref", target.lower()))
    return sorted(targets)


def _digest(value) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()


def _title(env, docname: str) -> str | None:
    return env.titles[docname].astext() if docname in env.titles else None


def _target_state(env, target: tuple[str, str], events: dict) -> str:
    kind, name = target
    if kind == "doc":
        return _digest((name in env.found_docs, _title(env, name)))
    std = env.get_domain("std")
    # A label may also be a named event's, which the chron domain links to (its page,
    # anchor and title), for {chron:event}, {ref} and MyST's [](#name) alike.
    event = events.get(name)
    shown = (event.docname, event.anchor, event.title) if event is not None else None
    return _digest((std.labels.get(name), std.anonlabels.get(name), shown))


def _navigation_state(env) -> str:
    """What every page's navigation shows: the pages' order in the toctree and their titles."""
    relations = env.collect_relations()
    return _digest((
        sorted(relations.items()),
        sorted(env.toctree_includes.items()),
        sorted((docname, _title(env, docname)) for docname in env.found_docs),
    ))


def outdated_by_references(app, env) -> list[str]:
    """``env-get-updated``: every page when the navigation changed (pages added, removed,
    reordered or retitled); else the pages whose ``{ref}`` or ``{doc}`` targets changed."""
    domain = env.get_domain("chron")
    previous = domain.data["shown"]
    navigation = _navigation_state(env)
    events = domain.named_events()
    targets = {
        target: _target_state(env, target, events)
        for docname in env.found_docs
        for target in domain.data["xrefs"].get(docname, ())
    }
    domain.data["shown"] = {"navigation": navigation, "targets": targets}
    if navigation != previous.get("navigation"):
        return sorted(env.found_docs)
    old_targets = previous.get("targets", {})
    changed = {target for target, state in targets.items() if old_targets.get(target) != state}
    return sorted(
        docname for docname, refs in domain.data["xrefs"].items()
        if docname in env.found_docs and changed.intersection(refs)
    )


def outdated_list_pages(app, env) -> list[str]:
    """``env-get-updated``: every list page, when a record or a source it cites has changed."""
    domain = env.get_domain("chron")
    digest = domain.records_digest()
    if digest == domain.data["digest"]:
        return []
    domain.data["digest"] = digest
    return domain.list_pages()


def reread_pages_linking_to(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: pages with a MyST link to a page deleted, or added, since they
    were read. MyST resolves such a link when it reads the page, so writing the page again
    is not enough: it must be read again to link, or to warn, as a clean build does."""
    moved = {("doc", docname) for docname in removed} | {("path", docname) for docname in added}
    return sorted(
        docname for docname, targets in env.get_domain("chron").data["xrefs"].items()
        if docname not in removed and moved.intersection(targets)
    )


def remove_pages_of_removed_documents(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: take the HTML page of a deleted document out of the output.

    Sphinx leaves it there, where a reader (or a search engine) still finds the old text
    with its old links, although no page of a clean build links to it or exists under its name.
    """
    outfilename = getattr(app.builder, "get_outfilename", None)
    if app.builder.format != "html" or outfilename is None:
        return []
    for docname in sorted(removed):
        page = Path(outfilename(docname))
        try:
            page.unlink(missing_ok=True)
        except OSError as error:
            logger.warning("cannot remove %s, the page of a deleted document: %s", page, error,
                           type="chronicle", subtype="output")
    return []
