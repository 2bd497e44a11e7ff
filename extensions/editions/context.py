"""The edition in the configuration (``version``, ``html_context``) and the footer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from babel.dates import format_date
from sphinx.locale import get_translation

from chronicle.dates import babel_locale

from .edition import current_edition

_ = get_translation("editions")

TEMPLATES = Path(__file__).parent / "templates"


def set_edition(app, config) -> None:
    """``config-inited``: find the edition once, and give it to everything that shows it.

    Runs before the other extensions' ``config-inited`` handlers, so pdfedition finds the
    version in ``version`` and the date in ``editions_date``. ``release`` stays as conf.py
    has it: Sphinx prints it in the PDF's running heads, which name the work, not the edition.
    """
    srcdir = Path(app.srcdir)
    edition = current_edition(srcdir, srcdir / config.editions_dir)
    config.editions_version = edition.version
    config.editions_date = edition.date.isoformat()
    config.version = edition.version
    config.html_context = {
        **config.html_context,
        "edition_version": edition.version,
        "edition_date": edition.date.isoformat(),
        "edition_commit": edition.commit,
    }
    if not config.epub_description:
        config.epub_description = str(_("Edition {version}, {date}")).format(
            version=edition.version, date=edition.date.isoformat())
    if str(TEMPLATES) not in config.templates_path:
        config.templates_path = [*config.templates_path, str(TEMPLATES)]


def keep_catalogs_unversioned(app) -> None:
    """``builder-inited``: the message catalogs' headers name the project's version; the
    edition changes with every commit, and the committed catalogs must not."""
    if app.builder.name == "gettext":
        app.config.version = ""


def add_footer_context(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``: the edition as the footer says it, in the page's language."""
    config = app.config
    date = dt.date.fromisoformat(config.editions_date)
    text = _("Edition {version}, {date}").format(
        version=config.editions_version,
        date=format_date(date, "long", locale=babel_locale(config.language)))
    page = config.editions_changes_page
    context["edition_footer"] = {
        "text": text,
        "changes_label": _("What changed"),
        "changes_href": context["pathto"](page) if page and page in app.env.all_docs else "",
    }
