"""Read a Sphinx project without writing a site, so checks can inspect its environment."""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def read_project(srcdir: Path, workdir: Path | None = None) -> tuple[Sphinx, str]:
    """Build *srcdir* with the ``dummy`` builder; return the application and its warnings.

    The dummy builder runs the read and resolve phases of a real build (every extension's
    directives, roles and post-transforms) and writes nothing, so the environment holds
    exactly what the HTML build would see. A fresh environment avoids stale records.
    """
    srcdir = Path(srcdir).resolve()
    workdir = Path(workdir or tempfile.mkdtemp(prefix="citecheck-"))
    warnings = io.StringIO()
    with patch_docutils(srcdir), docutils_namespace():
        app = Sphinx(
            srcdir=srcdir,
            confdir=srcdir,
            outdir=workdir / "dummy",
            doctreedir=workdir / "doctrees",
            buildername="dummy",
            status=None,
            warning=warnings,
            freshenv=True,
        )
        # The content policy's hooks record what they refuse; a project that does not
        # list the extension is checked all the same.
        app.setup_extension("sitechecks")
        app.build()
    return app, ANSI_COLOUR.sub("", warnings.getvalue())
