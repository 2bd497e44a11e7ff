"""examples/minimal builds strictly in a fresh environment holding only sphinx-chronicle.

What another project does: one ``pip install``, one line in ``extensions``. The test makes a
new virtual environment, installs packages/sphinx-chronicle (with its ``myst`` extra, the
example's page being Markdown) and nothing of the site, and runs sphinx-build -n -W.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "packages" / "sphinx-chronicle"
EXAMPLE = ROOT / "examples" / "minimal"


def run(*command: str | Path, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, **kwargs)
    if result.returncode:
        pytest.fail(f"{' '.join(map(str, command))} failed:\n{result.stdout}\n{result.stderr}",
                    pytrace=False)
    return result


@pytest.fixture(scope="module")
def clean_environment(tmp_path_factory) -> Path:
    """A new virtual environment with sphinx-chronicle[myst] installed from its folder."""
    home = tmp_path_factory.mktemp("chronicle-venv")
    python = home / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    # Built from a copy: setuptools writes build/ and .egg-info beside the sources.
    package = shutil.copytree(PACKAGE, tmp_path_factory.mktemp("chronicle-src") / PACKAGE.name,
                              ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    # Not an editable install: a wheel is built, so the package data must really ship.
    uv = shutil.which("uv")
    if uv:
        run(uv, "venv", "--quiet", "--python", sys.executable, home)
        run(uv, "pip", "install", "--quiet", "--python", python, f"{package}[myst]")
    else:
        venv.EnvBuilder(with_pip=True).create(home)
        run(python, "-m", "pip", "install", "--quiet", f"{package}[myst]")
    return python


@pytest.mark.slow
def test_example_builds_strictly_with_only_chronicle_installed(clean_environment, tmp_path):
    python = clean_environment
    installed = run(python, "-c", "import importlib.metadata as m; "
                    "print(sorted(d.metadata['Name'].lower() for d in m.distributions()))").stdout
    assert "sphinx-chronicle" in installed and "qalamoun-history" not in installed
    out = tmp_path / "html"
    # Outside the repository, so nothing of the site can be imported by accident.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = run(python, "-m", "sphinx", "-n", "-W", "--keep-going", "-b", "html",
                 EXAMPLE, out, cwd=tmp_path, env=env)
    assert "WARNING" not in result.stderr
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "The first convoy leaves" in page and "chron-convoy-table" in page
    assert "Sources differ" in page
    events = json.loads((out / "_data" / "events.json").read_text(encoding="utf-8"))
    assert "The first convoy leaves" in json.dumps(events, ensure_ascii=False)
