"""Words the theme writes in English whatever the page's language, put into that language.

Furo hard-codes its skip link and its buttons' labels in its templates, and Sphinx's Spanish
catalog has no "Link to this heading"; a reader of the Spanish pages meets them, as do screen
readers. The written pages of a translated build are rewritten once, after the build.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

_ = get_translation("sitechrome")


def theme_words() -> dict[str, str]:
    """The English as written in the pages -> the same in the build's language."""
    words = {
        'title="Link to this heading"': 'title="{}"'.format(_("Link to this heading")),
        'title="Link to this table"': 'title="{}"'.format(_("Link to this table")),
        'aria-label="Toggle Light / Dark / Auto color theme"':
            'aria-label="{}"'.format(_("Switch between light, dark and automatic colours")),
        'aria-label="Toggle site navigation sidebar"':
            'aria-label="{}"'.format(_("Show or hide the site's navigation")),
        'aria-label="Toggle table of contents sidebar"':
            'aria-label="{}"'.format(_("Show or hide this page's contents")),
        ">Skip to content<": ">{}<".format(_("Skip to content")),
        ">Back to top<": ">{}<".format(_("Back to top")),
        "<title>Contents</title>": "<title>{}</title>".format(_("Contents")),
    }
    return {english: local for english, local in words.items() if english != local}


def translate_theme_words(app, exception) -> None:
    if exception or app.builder.format != "html" or (app.config.language or "en") == "en":
        return
    words = theme_words()
    if not words:
        return
    for page in Path(app.outdir).rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        changed = html
        for english, local in words.items():
            changed = changed.replace(english, local)
        if changed != html:
            page.write_text(changed, encoding="utf-8")
