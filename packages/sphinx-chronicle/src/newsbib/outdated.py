"""Pages to write again when sources are numbered or written differently, or cited elsewhere.

Sources are numbered in the order in which the site first cites them, so citing a source
earlier (or no longer citing one) renumbers sources on pages nobody edited; an edited entry
in the .bib file changes the tooltip of every citation of it; every citation added or
removed, and every change of the pages' order, changes the bibliography's "Cited in" links.
sphinxcontrib-bibtex does not tell Sphinx about those pages, and an incremental build would
leave them with the old numbers, tooltips and links; a clean build would not
(tests/test_reproducible.py, tests/test_incremental_equals_clean.py).
"""

from __future__ import annotations

from sphinxcontrib.bibtex.bibfile import get_mtime
from sphinxcontrib.bibtex.domain import get_docnames

from .bibfile import read_bibliography


def _state(env) -> dict:
    """What the written pages depend on: each key's label and text, who cites what, in order."""
    domain = env.get_domain("cite")
    citing = {ref.docname for ref in domain.citation_refs}
    order = {docname: index for index, docname in enumerate(get_docnames(env))}
    return {
        "entries": {
            citation.key: (entry.label, entry.text.render_as("text"))
            for citation in domain.citations
            for entry in [citation.formatted_entry]
        },
        # In reading order, as the "Cited in" lines list them: a page read again moves
        # its references to the end of sphinxcontrib-bibtex's list, and that alone
        # changes nothing a reader sees.
        "refs": sorted(
            (order.get(ref.docname, len(order)), ref.docname, ref.line or 0, ref.citation_ref_id,
             [target.key for target in ref.targets])
            for ref in domain.citation_refs
        ),
        "titles": {
            docname: env.titles[docname].astext() for docname in citing if docname in env.titles
        },
    }


def outdated_by_citations(app, env) -> list[str]:
    """``env-get-updated``: pages citing a source whose number or entry has changed, and the
    bibliography pages when any of those, any citation, or the title or place of a citing
    page has changed."""
    domain = env.get_domain("cite")
    state = _state(env)
    previous = domain.data.get("newsbib_state") or {"entries": {}, "refs": [], "titles": {}}
    domain.data["newsbib_state"] = state
    entries, old_entries = state["entries"], previous.get("entries", {})
    changed = {
        key for key in entries.keys() | old_entries.keys() if entries.get(key) != old_entries.get(key)
    }
    outdated = {
        ref.docname
        for ref in domain.citation_refs
        if any(target.key in changed for target in ref.targets)
    }
    if changed or state["refs"] != previous["refs"] or state["titles"] != previous["titles"]:
        outdated |= {bibliography.docname for bibliography in domain.bibliographies}
    return sorted(outdated & env.found_docs)


def reread_edited_bibliography(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: read the .bib files again if they were edited since they were read.

    A new ``sphinx-build`` reads them when it starts (``builder-inited``); an app that builds
    again (``sphinx.testing``, a live preview in the same process) does not start again, and
    would format the edited entries from what it read before. The pages that show the
    bibliography note the .bib files as dependencies, so Sphinx reads those again itself.
    """
    bibfiles = env.get_domain("cite").bibdata.bibfiles
    if any(get_mtime(path) != bibfile.mtime for path, bibfile in bibfiles.items()):
        read_bibliography(app)
    return []
