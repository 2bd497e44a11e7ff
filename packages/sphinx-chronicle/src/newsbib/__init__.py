"""newsbib: news-report citations for sphinxcontrib-bibtex, with back-links across pages."""

from importlib.metadata import version
from pathlib import Path

import pybtex.plugin
from pybtex.backends.plaintext import Backend as PlaintextBackend

from .bibfile import read_bibliography
from .outdated import outdated_by_citations, reread_edited_bibliography
from .style import NewsStyle, style_for_language
from .transforms import FreshBibliographyEntries, add_citation_backlinks
from .translated import record_citations_as_read

#: The distribution's version, written once in packages/sphinx-chronicle/pyproject.toml.
__version__ = version("sphinx-chronicle")


def use_language_style(app, config) -> None:
    """Write the bibliography's dates and words in the build language."""
    if config.bibtex_default_style == "news" and (config.language or "en") != "en":
        name = f"news-{config.language}"
        pybtex.plugin.register_plugin(
            "pybtex.style.formatting", name, style_for_language(config.language), force=True
        )
        config.bibtex_default_style = name


def setup(app):
    # Registered here too, so a source checkout works before `pip install` writes the entry point.
    pybtex.plugin.register_plugin("pybtex.style.formatting", "news", NewsStyle, force=True)
    # sphinxcontrib-bibtex looks this backend up for every citation it resolves; found among
    # the run-time plugins, it costs nothing, while a search of the installed entry points
    # takes about 7 ms (a third of a build with thousands of citations).
    pybtex.plugin.register_plugin("pybtex.backends", "plaintext", PlaintextBackend, force=True)
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_message_catalog("newsbib", str(Path(__file__).parent / "locales"))
    app.connect("config-inited", use_language_style)
    # Before sphinxcontrib-bibtex reads the .bib files (priority 500), so it finds them read.
    app.connect("builder-inited", read_bibliography, priority=400)
    app.add_post_transform(FreshBibliographyEntries)
    app.connect("doctree-resolved", add_citation_backlinks)
    # Translated pages re-cite their sources; keep one true record per citation.
    app.connect("doctree-read", record_citations_as_read)
    # Renumbered sources and changed back-links reach pages that were not edited.
    app.connect("env-get-updated", outdated_by_citations)
    app.connect("env-get-outdated", reread_edited_bibliography)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
