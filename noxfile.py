"""Sessions for building, checking and testing the site: ``nox -l`` lists them."""

import datetime as dt
import os
import shutil
import subprocess
import time
import tomllib
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
#: chronicle and newsbib, a distribution of their own that the site depends on.
CHRONICLE = ROOT / "packages" / "sphinx-chronicle"
#: Our extensions whose output strings go through ``get_translation(<name>)``, by folder.
CATALOG_DOMAINS = {
    "chronicle": CHRONICLE / "src" / "chronicle",
    "newsbib": CHRONICLE / "src" / "newsbib",
    **{name: ROOT / "extensions" / name
       for name in ("editions", "infobox", "opmap", "pdfedition", "scholarmeta", "sitechrome")},
}


def install(session: nox.Session, *extras: str) -> None:
    """The site, and sphinx-chronicle from its folder, both editable."""
    spec = f".[{','.join(extras)}]" if extras else "."
    session.install("-e", str(CHRONICLE), "-e", spec)


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

    Only a catalog whose messages changed is written, and it keeps its header; a new page
    gets a new catalog with the project's header. Then translate every new or fuzzy message:
    ``python3 dev.py docs`` names each one at its line (see docs/locales/README.md).
    """
    install(session)
    pot = BUILD / "gettext"
    # Fresh templates, so a page that was deleted leaves none behind.
    shutil.rmtree(pot, ignore_errors=True)
    session.run("sphinx-build", *STRICT, "-q", "-b", "gettext", str(DOCS), str(pot))
    session.run(
        "python", "-m", "catalogcheck.refresh", "pages", str(pot), str(DOCS / "locales"),
        *(f"--language={language}" for language in TRANSLATIONS),
    )


@nox.session
def catalogs(session: nox.Session) -> None:
    """Re-extract our extensions' strings, update their .po files and compile the .mo files.

    Each extension keeps ``locales/<name>.pot`` and ``locales/<lang>/LC_MESSAGES/<name>.po``
    and ``.mo``; both ship in the wheel. Only files whose messages changed are written.
    Translate new messages, then run this session again so the ``.mo`` files match.
    """
    install(session)
    session.run(
        "python", "-m", "catalogcheck.refresh", "extensions",
        *(str(package) for package in CATALOG_DOMAINS.values()),
        *(f"--language={language}" for language in TRANSLATIONS),
    )


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (it builds the site once, in a temporary folder)."""
    install(session, "test")
    session.run("pytest", *session.posargs)


#: The packages whose oldest supported release ``tests-lowest`` installs: the lower bounds
#: in pyproject.toml, so what is tested is what is declared.
LOWEST_OF = ["sphinx", "docutils", "myst-parser", "sphinxcontrib-bibtex", "pybtex"]


def lowest_supported() -> list[str]:
    """``name==X`` for each of LOWEST_OF, X being its ``>=`` bound as declared: in
    sphinx-chronicle's pyproject.toml where it names the package, else in the site's."""
    bounds = {}
    for pyproject in (ROOT / "pyproject.toml", CHRONICLE / "pyproject.toml"):
        project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
        extras = project.get("optional-dependencies", {}).values()
        for requirement in [*project["dependencies"], *(r for extra in extras for r in extra)]:
            name, found, rest = requirement.partition(">=")
            if found:
                bounds[name.strip().lower()] = rest.split(",")[0].strip()
    return [f"{name}=={bounds[name]}" for name in LOWEST_OF]


@nox.session(name="tests-lowest")
def tests_lowest(session: nox.Session) -> None:
    """The chronicle tests on the oldest Sphinx, docutils, MyST, bibtex and pybtex we support.

    ``nox -s tests`` runs on the newest releases; this session pins the lower bounds that
    pyproject.toml declares, so a claim of support is a tested one.
    """
    install(session, "test")
    session.install(*lowest_supported())
    session.run("python", "-c", "import sphinx, docutils; print('Sphinx', sphinx.__version__, "
                "'docutils', docutils.__version__)")
    tests = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests").glob("test_chronicle_*.py"))
    session.run("pytest", *tests, *session.posargs)


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
    """Benchmark chronicle on generated projects; writes benchmarks/runs/latest.json.

    Several minutes; ``-- --quick`` for a smoke run, ``-- --save`` to replace the committed
    figures in benchmarks/results.json (see benchmarks/README.md).
    """
    install(session)
    session.run("python", str(ROOT / "benchmarks" / "bench.py"), *session.posargs)


@nox.session
def lighthouse(session: nox.Session) -> None:
    """Lighthouse 12.2.3 (mobile) on every page in both languages, served with gzip on 127.0.0.1.

    Builds the site, installs Lighthouse from npm into docs/_build/lighthouse/ (Node 20) and
    runs it with Debian's chromium (CHROME_PATH, /usr/bin/chromium by default); figures in
    docs/_build/lighthouse.json. ``-- --page en/index.html`` measures one page.
    """
    docs(session)
    tools = BUILD / "lighthouse"
    session.run("npm", "install", "--prefix", str(tools), "--no-audit", "--no-fund",
                "--silent", "lighthouse@12.2.3", external=True)
    session.run(
        "python", str(ROOT / "tools" / "lighthouse.py"), str(BUILD / "html"),
        "--lighthouse", str(tools / "node_modules" / ".bin" / "lighthouse"),
        "--output", str(BUILD / "lighthouse.json"), *session.posargs,
    )


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
    """Preview the site at http://127.0.0.1:8000, rebuilt on every save.

    ``python3 dev.py serve -- es`` previews the Spanish site instead: a saved catalog
    (docs/locales/es/LC_MESSAGES/*.po) rebuilds it too. Further arguments go to
    sphinx-autobuild (``-- es --port 8001``).
    """
    arguments = list(session.posargs)
    language = arguments.pop(0) if arguments and arguments[0] in LANGUAGES else "en"
    install(session)
    session.install("sphinx-autobuild>=2024.4")
    session.run(
        "sphinx-autobuild", *STRICT, "-D", f"language={language}",
        "--host", "127.0.0.1", "--port", "8000",
        # Build output and nox's environments change during a build, and Sphinx compiles the
        # page catalogs to .mo files beside them: watching those would rebuild forever. The
        # extensions and the bibliography are outside docs/.
        "--ignore", "*/_build/*", "--ignore", "*/.nox/*", "--ignore", "*.mo",
        "--watch", str(ROOT / "extensions"), "--watch", str(CHRONICLE / "src"),
        "--watch", str(ROOT / "references.bib"),
        str(DOCS), str(BUILD / "serve" / language), *arguments,
    )


@nox.session
def release(session: nox.Session) -> None:
    """Make an edition: ``nox -s release`` (this month, 2026.12) or ``nox -s release -- 2027.01``.

    Checks that the working tree is clean, builds the site with the new version, records the
    edition's data exports in docs/_editions/<version>/ and its version and date in
    CITATION.cff and .zenodo.json, builds everything again (HTML, PDF, ePub when there is a
    session for it) so "What changed" lists the new edition, and prints the commands that
    commit and tag it. It does not commit, tag or push.
    """
    status = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout
    if status.strip():
        session.error(f"the working tree has changes; commit or stash them first:\n{status}")
    now = time.time()
    version = (session.posargs[0] if session.posargs
               else dt.datetime.fromtimestamp(now, dt.timezone.utc).strftime("%Y.%m"))
    version = version.removeprefix("v")
    tags = subprocess.run(["git", "tag", "--list", f"v{version}"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout
    if tags.strip():
        session.error(f"v{version} is already tagged; name the next edition: "
                      f"nox -s release -- {version}.1")
    # The edition's version and date while its tag does not exist yet (editions.edition).
    session.env["EDITION_VERSION"] = version
    session.env.setdefault("SOURCE_DATE_EPOCH", str(int(now)))
    date = dt.datetime.fromtimestamp(int(session.env["SOURCE_DATE_EPOCH"]), dt.timezone.utc).date()
    docs(session)
    session.run("python", "-m", "editions.release", "record", "--version", version,
                "--date", date.isoformat(), "--html", str(BUILD / "html"), "--root", str(ROOT),
                "--languages", ",".join(LANGUAGES))
    # Again, now that the change log has this edition; then the PDFs (and ePubs) with it.
    docs(session)
    pdf(session)
    if "epub" in globals():
        globals()["epub"](session)
    session.log(
        f"Edition {version} ({date.isoformat()}) is built in {BUILD / 'html'}. To publish it:\n"
        f"  git add docs/_editions/{version} CITATION.cff .zenodo.json\n"
        f"  git commit -m 'Edition {version}'\n"
        f"  git tag -a v{version} -m 'Edition {version} ({date.isoformat()})'\n"
        f"  git push origin HEAD v{version}"
    )
