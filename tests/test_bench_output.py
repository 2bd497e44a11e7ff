"""``python3 dev.py bench`` leaves the committed figures alone unless asked (``-- --save``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench  # noqa: E402


def test_an_ordinary_run_writes_outside_the_committed_figures():
    path = bench.results_path(save=False, output=None)
    assert path != ROOT / "benchmarks" / "results.json"
    ignored = subprocess.run(["git", "check-ignore", "-q", str(path)], cwd=ROOT)
    assert ignored.returncode == 0, f"{path} would show up in git status"


def test_save_writes_the_committed_figures():
    assert bench.results_path(save=True, output=None) == ROOT / "benchmarks" / "results.json"


def test_output_names_any_file(tmp_path):
    assert bench.results_path(save=True, output=tmp_path / "x.json") == tmp_path / "x.json"
