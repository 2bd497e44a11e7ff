import sys
from pathlib import Path

# fakechron stands in for chronicle: the same domain name and record attributes, so the
# check is tested against the documented API rather than chronicle's markup.
sys.path.insert(0, str(Path(__file__).parent))

extensions = ["myst_parser", "sphinxcontrib.bibtex", "newsbib", "sitechecks", "fakechron"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "news"
exclude_patterns = ["_build"]
