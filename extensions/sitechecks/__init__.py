"""sitechecks: maintainer checks of the site (links, citations), run as ``python -m``.

``python -m sitechecks.citecheck`` and ``python -m sitechecks.linkcheck`` are the entry
points. Listing ``sitechecks`` in ``extensions`` only registers the configuration values
the checks read from ``conf.py``; it changes nothing in the built site.
"""

__version__ = "0.1.0"


def setup(app):
    # Keys of bibliography entries kept on purpose although no page cites them, each with
    # the reason, so the "uncited entry" check stays strict for every other entry.
    app.add_config_value("sitechecks_uncited", {}, "", types=frozenset({dict}))
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
