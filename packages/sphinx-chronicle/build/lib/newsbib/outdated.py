"""Pages to write again when the sources are numbered differently, or cited from elsewhere.

Sources are numbered in the order in which the site first cites them, so citing a source
earlier (or no longer citing one) renumbers sources on pages nobody edited, and every
citation added or removed changes the bibliography's "Cited in" links. sphinxcontrib-bibtex
does not tell Sphinx about those pages, and an incremental build would leave them with the
old numbers and links; a clean build would not (tests/test_reproducible.py).
"""

from __future__ import annotations


def _state(env) -> dict:
    """What the written pages depend on: each key's label, and who cites what, in order."""
    domain = env.get_domain("cite")
    citing = {ref.docname for ref in domain.citation_refs}
    return {
        "labels": {citation.key: citation.formatted_entry.label for citation in domain.citations},
        "refs": [
            (ref.docname, ref.citation_ref_id, [target.key for target in ref.targets])
            for ref in domain.citation_refs
        ],
        "titles": {
            docname: env.titles[docname].astext() for docname in citing if docname in env.titles
        },
    }


def outdated_by_citations(app, env) -> list[str]:
    """``env-get-updated``: pages citing a renumbered source, and the bibliography pages
    when any citation, or the title of a citing page, has changed."""
    domain = env.get_domain("cite")
    state = _state(env)
    previous = domain.data.get("newsbib_state") or {"labels": {}, "refs": [], "titles": {}}
    domain.data["newsbib_state"] = state
    labels, old_labels = state["labels"], previous["labels"]
    renumbered = {
        key for key in labels.keys() | old_labels.keys() if labels.get(key) != old_labels.get(key)
    }
    outdated = {
        ref.docname
        for ref in domain.citation_refs
        if any(target.key in renumbered for target in ref.targets)
    }
    if renumbered or state["refs"] != previous["refs"] or state["titles"] != previous["titles"]:
        outdated |= {bibliography.docname for bibliography in domain.bibliographies}
    return sorted(outdated & env.found_docs)
