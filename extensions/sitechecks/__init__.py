"""sitechecks: checks of the site (content policy, links, citations, own words).

``python -m sitechecks.citecheck``, ``python -m sitechecks.linkcheck`` and
``python -m sitechecks.fingerprint`` are the maintainer's entry points. Listed in
``extensions``, it applies the content policy (``policy.py``) during every build: what a
page may not do is a warning at file:line and is left out of the output.
"""

from importlib.metadata import version

from . import contentpolicy

#: The distribution's version, written once in pyproject.toml.
__version__ = version("qalamoun-history")


def setup(app):
    # Keys of bibliography entries kept on purpose although no page cites them, each with
    # the reason, so the "uncited entry" check stays strict for every other entry.
    app.add_config_value("sitechecks_uncited", {}, "", types=frozenset({dict}))
    contentpolicy.setup(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
