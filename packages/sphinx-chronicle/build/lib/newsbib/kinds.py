"""Who is speaking: the kinds of outlet a source can be, as the ``kind`` field names them.

A reader weighs a figure differently when it comes from a wire agency, a government's
own media, an opposition outlet or a monitor; the bibliography, the citation previews and
chronicle's disagreements table all name the kind with these labels.
"""

from __future__ import annotations

from sphinx.locale import get_translation

_ = get_translation("newsbib")

#: The ``kind`` codes, in the order the sources page introduces them.
KIND_CODES = (
    "wire", "intl", "monitor", "independent", "opposition", "state-sy", "pro-gov",
    "state-ru", "state-ir", "state-cn", "state-tr", "encyclopedia",
)


def kind_labels() -> dict[str, str]:
    """Each code's label in the build's language (looked up when called, not at import)."""
    return {
        "wire": _("wire agency"),
        "intl": _("international press"),
        "monitor": _("monitor"),
        "independent": _("independent Syrian media"),
        "opposition": _("Syrian opposition media"),
        "state-sy": _("Syrian state media"),
        "pro-gov": _("pro-government media"),
        "state-ru": _("Russian state media"),
        "state-ir": _("Iranian state media"),
        "state-cn": _("Chinese state media"),
        "state-tr": _("Turkish state media"),
        "encyclopedia": _("encyclopedia"),
    }


def kind_label(code: str | None) -> str:
    """The label of *code*; an unknown code is shown as written (citecheck reports it)."""
    if not code:
        return ""
    return str(kind_labels().get(code, code))
