"""Shared fixtures: a scratch copy of data/, a scratch copy of the whole project, the built book."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import datasets, paths

ROOT = paths.HOME.root
# What a clone of the project holds (no environment, no build, no caches).
IGNORE = shutil.ignore_patterns(
    ".venv", "_build", "variants", ".git", "__pycache__", "*.egg-info", ".pytest_cache", ".ipynb_checkpoints"
)


@pytest.fixture
def data_copy(tmp_path):
    """A scratch copy of data/ that the package reads instead of the real one."""
    copy = tmp_path / "data"
    shutil.copytree(paths.HOME.data, copy)
    with paths.data_at(copy):
        yield copy


def edit_csv(path: Path, line: int, column: str, value: str) -> str:
    """Set one cell of a CSV (line counted with the header as line 1); return the old value."""
    import csv

    rows = list(csv.reader(path.open(newline="", encoding="utf-8")))
    col = rows[0].index(column)
    old = rows[line - 1][col]
    rows[line - 1][col] = value
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return old


def data_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): datasets.sha256(p) for p in sorted((root / "data").rglob("*")) if p.is_file()
    }


def pytest_configure(config):
    """Notebooks checked by nbval draw their charts into a scratch folder, not into the book's
    ``_build/figures``, which a build on another test worker may be writing at the same time."""
    scratch = Path(os.environ.get("TMPDIR", "/tmp")) / f"book-test-{os.getpid()}"
    os.environ["ANALYSIS_FIGURES_DIR"] = str(scratch / "_build" / "figures")
    os.environ["ANALYSIS_PAGE_ROOT"] = str(scratch)  # so the download links read as in the book


def run(args, cwd: Path, extra_env: dict | None = None, timeout: int = 900) -> subprocess.CompletedProcess:
    """Run a command as a reader would: the book's own settings, not the tests' scratch folders."""
    env = {k: v for k, v in os.environ.items() if k not in ("ANALYSIS_FIGURES_DIR", "ANALYSIS_PAGE_ROOT")}
    env.update(extra_env or {})
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def built_book():
    """The project's own book, built with the README's command (through `python -m analysis build`).

    Test workers share it: the first builds it, the others wait on a lock and find it current."""
    import fcntl

    paths.HOME.build.mkdir(exist_ok=True)
    with open(paths.HOME.build / ".test-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        before = data_digest(ROOT)
        result = run([sys.executable, "-m", "analysis", "build", "--quiet"], cwd=ROOT)
        assert result.returncode == 0, f"build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
        assert data_digest(ROOT) == before, "the build modified data/"
    return paths.HOME.html


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory, built_book):
    """A clone-like copy of the project whose kernels import the copy's own src/.

    It starts with the book's execution cache (the notebooks' outputs and what each read), so
    its first build executes nothing; what a test changes in the copy must then run again."""
    copy = tmp_path_factory.mktemp("project") / "book"
    shutil.copytree(ROOT, copy, ignore=IGNORE)
    for kept in (".jupyter_cache", ".notebook-reads.json", "figures"):
        source = paths.HOME.build / kept
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, copy / "_build" / kept)
    env = {"PYTHONPATH": str(copy / "src")}
    return copy, env
