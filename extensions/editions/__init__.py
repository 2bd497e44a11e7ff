"""editions: dated releases of the site, their version on every page, and a change log.

A release is a git tag ``vYYYY.MM``; :mod:`editions.edition` reads the version and date
(``git describe``, ``SOURCE_DATE_EPOCH``) and this extension passes them to Sphinx's
``version`` (the ePub's metadata reads it), to ``html_context`` (``edition_version``, ``edition_date``,
``edition_commit``), to the footer (template ``edition.html``) and to the PDF's title page.
The directive ``edition-changes`` writes what changed in the facts from each recorded
edition (``docs/_editions/<version>/``) to the next.
"""

from importlib.metadata import version
from pathlib import Path

import chronicle

from .collector import EditionsCollector
from .context import add_footer_context, keep_catalogs_unversioned, set_edition
from .directives import EditionChangesDirective

#: The distribution's version, written once in pyproject.toml.
__version__ = version("qalamoun-history")


def setup(app):
    # Folder (relative to the source folder) of the recorded editions' exports.
    app.add_config_value("editions_dir", "_editions", "env", types=(str,))
    # The page that holds the change log; the footer links to it.
    app.add_config_value("editions_changes_page", "changes", "html", types=(str,))
    # Filled in at config-inited from git (see editions.edition); not meant to be set.
    app.add_config_value("editions_version", "", "env", types=(str,))
    app.add_config_value("editions_date", "", "env", types=(str,))
    app.add_message_catalog("editions", str(Path(__file__).parent / "locales"))
    # Dates and counts in the change log are said as chronicle says them, in its words.
    app.add_message_catalog("chronicle", str(Path(chronicle.__file__).parent / "locales"))
    app.connect("config-inited", set_edition, priority=400)
    app.connect("builder-inited", keep_catalogs_unversioned)
    app.connect("html-page-context", add_footer_context)
    app.add_directive("edition-changes", EditionChangesDirective)
    app.add_env_collector(EditionsCollector)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
