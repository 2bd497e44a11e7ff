"""Bring the bibliography's ARIA roles up to date in the written pages."""

# Docutils writes each citation as role="doc-biblioentry" inside a role="list". DPUB-ARIA 1.1
# deprecated doc-biblioentry, and checkers (axe-core's aria-required-children) no longer
# count it as a list item, so the list reads as broken; "listitem" is the role it names
# instead. The writer hard-codes the role, hence a change to the written body.
DEPRECATED_ROLE = ' role="doc-biblioentry"'
CURRENT_ROLE = ' role="listitem"'


def update_citation_roles(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and DEPRECATED_ROLE in body:
        context["body"] = body.replace(DEPRECATED_ROLE, CURRENT_ROLE)
