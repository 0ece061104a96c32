"""Every path the project uses, resolved from this file's own location.

Nothing here depends on the current working directory, so a notebook, a test and the
command line all find the same files.
"""

import contextlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DESCRIPTOR = DATA / "datapackage.yaml"
CLAIMS = DATA / "claims.yaml"
ASSESSMENTS = DATA / "assessments.yaml"
RECOMMENDATIONS = DATA / "recommendations.yaml"
CHAPTERS = ROOT / "chapters"
SRC = ROOT / "src"
BUILD = ROOT / "_build"
HTML = BUILD / "html"
FIGURES = BUILD / "figures"
JUPYTER_CACHE = BUILD / ".jupyter_cache"
VARIANTS = ROOT / "variants"


def relative_to_data(path: Path) -> str:
    """A path inside ``data/`` as ``data/`` names it (e.g. ``military/arms_transfers.csv``)."""
    return Path(path).resolve().relative_to(DATA.resolve()).as_posix()


def relative(path: Path) -> str:
    """A path as the reader should see it: relative to the project root when inside it."""
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


@contextlib.contextmanager
def data_at(folder: Path):
    """Read ``data/`` (its tables, descriptor and registries) from ``folder`` for the duration:
    a staging copy for ``refresh``, a scratch copy in the tests."""
    global DATA, DESCRIPTOR, CLAIMS, ASSESSMENTS, RECOMMENDATIONS
    saved = DATA, DESCRIPTOR, CLAIMS, ASSESSMENTS, RECOMMENDATIONS
    folder = Path(folder)
    DATA, DESCRIPTOR, CLAIMS, ASSESSMENTS, RECOMMENDATIONS = (
        folder, *(folder / p.relative_to(saved[0]) for p in saved[1:]))
    try:
        yield folder
    finally:
        DATA, DESCRIPTOR, CLAIMS, ASSESSMENTS, RECOMMENDATIONS = saved
