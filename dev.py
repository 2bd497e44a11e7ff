"""Run a nox session from a fresh checkout with nothing but Python 3.11+.

``python3 dev.py docs`` builds the site, ``python3 dev.py tests`` runs the tests; any
other argument is passed to nox.  The first run makes ``.venv-nox`` with nox and uv in
it; nox then makes one environment per session under ``.nox/``.
"""

import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".venv-nox"
BIN = TOOLS / ("Scripts" if sys.platform == "win32" else "bin")


def ensure_nox() -> Path:
    nox = BIN / "nox"
    if not nox.exists():
        venv.EnvBuilder(with_pip=True).create(TOOLS)
        subprocess.run(
            [str(BIN / "python"), "-m", "pip", "install", "--quiet", "nox[uv]>=2024.10"],
            check=True,
        )
    return nox


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    args = ["-s", *argv] if not argv[0].startswith("-") else argv
    return subprocess.run([str(ensure_nox()), "-f", str(ROOT / "noxfile.py"), *args]).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
