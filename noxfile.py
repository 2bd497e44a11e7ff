"""Sessions for building, checking and testing the site: ``nox -l`` lists them."""

import os
import shutil
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["docs", "tests"]

ROOT = Path(__file__).parent
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
STRICT = ["-n", "-W", "--keep-going"]
#: Every language the site is published in; each is its own build, html/<code>/.
LANGUAGES = ["en", "es"]
TRANSLATIONS = [language for language in LANGUAGES if language != "en"]
#: Our extensions whose output strings go through ``get_translation(<name>)``.
CATALOG_DOMAINS = ["chronicle", "infobox", "newsbib", "opmap", "pdfedition", "scholarmeta",
                   "sitechrome"]


def install(session: nox.Session, *extras: str) -> None:
    spec = f".[{','.join(extras)}]" if extras else "."
    session.install("-e", spec)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the HTML site, one language per folder: docs/_build/html/en/, html/es/."""
    install(session)
    html = BUILD / "html"
    for language in LANGUAGES:
        # The doctrees stay beside the published tree, not in it; .buildinfo (Sphinx's
        # record of the configuration) is not for readers either.
        session.run(
            "sphinx-build", *STRICT, "-b", "html", "-D", f"language={language}",
            "-d", str(BUILD / "doctrees" / language), str(DOCS), str(html / language),
        )
        for record in (html / language).glob(".buildinfo*"):
            record.unlink()
    # The top of the site only sends the reader on to their language (docs/_root/).
    shutil.copytree(DOCS / "_root", html, dirs_exist_ok=True)
    session.log(f"Open {html / 'index.html'}")


@nox.session
def pdf(session: nox.Session) -> None:
    """Build the PDF edition, one per language, into docs/_build/html/pdf/qalamoun-<lang>.pdf.

    Sphinx's LaTeX builder, then xelatex through latexmk: the system needs TeX Live (see
    README.md, "PDF"). A language whose catalogs are incomplete still builds; the untranslated
    text stays in English.
    """
    install(session)
    pdfs = BUILD / "html" / "pdf"
    pdfs.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        latex = BUILD / "latex" / language
        session.run(
            "sphinx-build", *STRICT, "-b", "latex", "-D", f"language={language}",
            str(DOCS), str(latex),
        )
        name = f"qalamoun-{language}"
        with session.chdir(latex):
            # latexmkrc, written by Sphinx beside the .tex file, runs xelatex.
            session.run("latexmk", "-pdf", "-dvi-", "-ps-", "-silent", f"{name}.tex", external=True)
        shutil.copy2(latex / f"{name}.pdf", pdfs / f"{name}.pdf")
        session.log(f"Wrote {pdfs / f'{name}.pdf'}")


@nox.session
def epub(session: nox.Session) -> None:
    """Build the ePub edition, one per language, into docs/_build/html/epub/qalamoun-<lang>.epub.

    Sphinx's epub builder; ``epubcheck`` (Debian package) checks the result when installed.
    """
    install(session)
    epubs = BUILD / "html" / "epub"
    epubs.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        out = BUILD / "epub" / language
        session.run(
            "sphinx-build", *STRICT, "-b", "epub", "-D", f"language={language}",
            "-d", str(BUILD / "doctrees-epub" / language), str(DOCS), str(out),
        )
        name = f"qalamoun-{language}.epub"
        shutil.copy2(out / name, epubs / name)
        session.log(f"Wrote {epubs / name}")
        checker = shutil.which("epubcheck")
        if checker:
            # Debian's epubcheck is an executable jar: run it through java, which works
            # whether or not the system runs jars directly.
            jar = os.path.realpath(checker)
            command = ["java", "-jar", jar] if jar.endswith(".jar") else [checker]
            session.run(*command, str(epubs / name), external=True)


@nox.session
def translations(session: nox.Session) -> None:
    """Refresh the page catalogs docs/locales/<lang>/LC_MESSAGES/*.po from the English pages.

    Then translate every new or fuzzy message (``nox -s tests`` fails on any left).
    """
    install(session)
    session.install("sphinx-intl")
    pot = BUILD / "gettext"
    session.run("sphinx-build", *STRICT, "-b", "gettext", str(DOCS), str(pot))
    for language in TRANSLATIONS:
        session.run(
            "sphinx-intl", "update", "-p", str(pot), "-l", language, "-d", str(DOCS / "locales"),
        )


@nox.session
def catalogs(session: nox.Session) -> None:
    """Re-extract our extensions' strings, update their .po files and compile the .mo files.

    Each extension keeps ``locales/<name>.pot`` and ``locales/<lang>/LC_MESSAGES/<name>.po``
    and ``.mo``; both ship in the wheel. Translate new or fuzzy messages, then run this
    session again so the ``.mo`` files match.
    """
    install(session)
    for domain in CATALOG_DOMAINS:
        package = ROOT / "extensions" / domain
        locales = package / "locales"
        pot = locales / f"{domain}.pot"
        session.run(
            "pybabel", "extract", "--no-location", "--sort-output", "--omit-header",
            "-k", "_", "-k", "__", "-o", str(pot), str(package),
        )
        for language in TRANSLATIONS:
            po = locales / language / "LC_MESSAGES" / f"{domain}.po"
            command = "update" if po.exists() else "init"
            session.run(
                "pybabel", command, "-D", domain, "-i", str(pot), "-d", str(locales),
                "-l", language, *(["--no-fuzzy-matching"] if command == "update" else []),
            )
        session.run("pybabel", "compile", "--statistics", "-D", domain, "-d", str(locales))


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (it builds the site once, in a temporary folder)."""
    install(session, "test")
    session.run("pytest", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Fuzz the data-file and bibliography readers with 10,000 inputs per test (about 15 minutes).

    ``nox -s tests`` runs the same tests with 200 inputs each; ``-- -k gazetteer`` picks one.
    """
    install(session, "test")
    session.env["FUZZ_EXAMPLES"] = session.env.get("FUZZ_EXAMPLES", "10000")
    session.run("pytest", "-m", "fuzz", "-q", "--hypothesis-show-statistics", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark chronicle on generated projects; writes benchmarks/results.json.

    Several minutes; ``nox -s bench -- --quick`` for a smoke run (see benchmarks/README.md).
    """
    install(session)
    session.run("python", str(ROOT / "benchmarks" / "bench.py"), *session.posargs)


@nox.session
def citecheck(session: nox.Session) -> None:
    """Check citations and the bibliography; fails on errors, lists warnings.

    ``nox -s citecheck -- --format json`` for machine-readable output.
    """
    install(session)
    session.run("python", "-m", "sitechecks.citecheck", str(DOCS), *session.posargs)


@nox.session
def fingerprint(session: nox.Session) -> None:
    """Fingerprint the source texts you read (files, or folders of .txt) into docs/_fingerprints/.

    ``python3 dev.py fingerprint -- path/to/article.txt``; commit the files it writes. The
    tests then check every page and catalog against them (hashes only, never the text).
    """
    if not session.posargs:
        session.error("name the text files (or folders) you read: dev.py fingerprint -- FILE ...")
    install(session)
    session.run("python", "-m", "sitechecks.fingerprint", "add", *session.posargs)


@nox.session
def linkcheck(session: nox.Session) -> None:
    """Check every external link and bibliography address (report in docs/_build/linkcheck/).

    Good results are cached for a week in docs/_build/linkcheck-cache/; pass
    ``-- --max-age 0`` to check everything again, ``-- --help`` for the other options.
    """
    install(session)
    session.run("python", "-m", "sitechecks.linkcheck", str(DOCS), *session.posargs)


@nox.session
def serve(session: nox.Session) -> None:
    """Preview the site at http://127.0.0.1:8000, rebuilt on every save."""
    install(session)
    session.install("sphinx-autobuild>=2024.4")
    session.run(
        "sphinx-autobuild", *STRICT, "--host", "127.0.0.1", "--port", "8000",
        # Build output and nox's environments change during a build: watching them would
        # rebuild forever. The extensions and the bibliography are outside docs/.
        "--ignore", "*/_build/*", "--ignore", "*/.nox/*",
        "--watch", str(ROOT / "extensions"), "--watch", str(ROOT / "references.bib"),
        str(DOCS), str(BUILD / "serve"), *session.posargs,
    )
