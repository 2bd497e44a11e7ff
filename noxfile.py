"""Sessions for building, checking and testing the site: ``nox -l`` lists them."""

from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["docs", "tests"]

ROOT = Path(__file__).parent
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
STRICT = ["-n", "-W", "--keep-going"]


def install(session: nox.Session, *extras: str) -> None:
    spec = f".[{','.join(extras)}]" if extras else "."
    session.install("-e", spec)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the HTML site into docs/_build/html/en/."""
    install(session)
    session.run("sphinx-build", *STRICT, "-b", "html", str(DOCS), str(BUILD / "html" / "en"))
    session.log(f"Open {BUILD / 'html' / 'en' / 'index.html'}")


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (it builds the site once, in a temporary folder)."""
    install(session, "test")
    session.run("pytest", *session.posargs)
