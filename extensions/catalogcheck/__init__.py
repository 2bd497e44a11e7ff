"""catalogcheck: a translated build reports every gap in its page catalogs.

When a page is built in a language other than the source language, each of its messages
that ``docs/locales/<lang>/LC_MESSAGES/<page>.po`` leaves untranslated, marks fuzzy or does
not have at all is a warning at the catalog's line (or at the page's line, for a message
the catalog lacks), so ``sphinx-build -W`` fails in seconds instead of showing English
text in the translated site. A source-language build checks nothing.

``python -m catalogcheck.refresh`` writes the catalogs themselves (see that module).
"""

from importlib.metadata import version

from .gaps import RecordMessages, check_catalogs, merge_messages, purge_messages

#: The distribution's version, written once in pyproject.toml.
__version__ = version("qalamoun-history")


def setup(app):
    app.add_config_value("catalogcheck_source_language", "en", "env", types=[str])
    # What a contributor runs to bring the catalogs up to date with the pages.
    app.add_config_value("catalogcheck_refresh_command", "sphinx-build -b gettext and update "
                         "the catalogs", "", types=[str])
    app.add_transform(RecordMessages)
    app.connect("env-purge-doc", purge_messages)
    app.connect("env-merge-info", merge_messages)
    app.connect("env-updated", check_catalogs)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
