"""Build the book, and never serve a stale result.

Jupyter Book's execution cache (jupyter-cache) keys a notebook on its code cells only: a
change in ``data/`` or ``src/`` would not re-execute a cached notebook, and Sphinx would not
even re-read an unchanged page (MyST-NB#299). So the build fingerprints every file under
``data/`` and ``src/``; when the fingerprint differs from the one of the last successful
build, it empties the execution cache and rebuilds every page. A build never writes to
``data/``.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from analysis import paths

WATCHED = (paths.DATA, paths.SRC)
# Everything the pages are made from: when none of it changed since the last successful build,
# and the built book is still there, the build has nothing to do.
PAGE_INPUTS = (paths.DATA, paths.SRC, paths.CHAPTERS, paths.ROOT / "_config.yml", paths.ROOT / "_toc.yml",
               paths.ROOT / "index.md", paths.ROOT / "_static")
PAGES_FINGERPRINT = paths.BUILD / ".pages-fingerprint"


def _ignored(path: Path) -> bool:
    return any(part in ("__pycache__", ".ipynb_checkpoints") or part.endswith(".egg-info") for part in path.parts)


def fingerprint(tops=WATCHED) -> str:
    """sha256 over the relative path and the bytes of every file under ``tops`` (default data/ and src/)."""
    h = hashlib.sha256()
    for top in tops:
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file() and not _ignored(p))
        for f in files:
            h.update(f.relative_to(paths.ROOT).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def _jupyter_book() -> str:
    beside = Path(sys.executable).with_name("jupyter-book")
    found = str(beside) if beside.exists() else shutil.which("jupyter-book")
    if not found:
        raise RuntimeError("jupyter-book is not installed in this environment (run `make book`)")
    return found


def inputs_changed() -> bool:
    """True when data/ or src/ differ from what the last successful build was made from, or
    when the chart files the pages link to for download (``_build/figures``) are gone."""
    if not any(paths.FIGURES.glob("*.png")):
        return True
    return not paths.FINGERPRINT.exists() or paths.FINGERPRINT.read_text().strip() != fingerprint()


def build(fresh: bool = False, quiet: bool = False) -> int:
    """Build the HTML book into ``_build/html``; return the exit code (non-zero on any warning).

    When nothing the pages are made from changed since the last successful build (which
    validated the data), there is nothing to do and the build returns at once."""
    from analysis.datasets import validate_all

    pages = fingerprint(PAGE_INPUTS)
    built = (paths.HTML / "index.html").exists() and PAGES_FINGERPRINT.exists()
    if not fresh and built and PAGES_FINGERPRINT.read_text().strip() == pages and not inputs_changed():
        print(f"Nothing changed since the last build: the book in {paths.relative(paths.HTML)} is current.")
        return 0
    # Fail early, with the file, line and column, rather than deep inside a notebook.
    bad = {name: msg for name, msg in validate_all().items() if msg != "ok"}
    if bad:
        for msg in bad.values():
            print(msg, file=sys.stderr)
        return 1

    fresh = fresh or inputs_changed()
    if fresh:
        shutil.rmtree(paths.JUPYTER_CACHE, ignore_errors=True)
        paths.FINGERPRINT.unlink(missing_ok=True)
    cmd = [_jupyter_book(), "build", str(paths.ROOT), "--builder", "html", "-W", "-n", "--keep-going"]
    if fresh:
        cmd.append("--all")
    if quiet:
        cmd.append("--quiet")
    print(("Fresh build (data/ or src/ changed, or no charts yet): " if fresh else "Incremental build: ") + " ".join(cmd[1:]))
    code = subprocess.run(cmd, cwd=paths.ROOT).returncode
    if code == 0:
        paths.FINGERPRINT.parent.mkdir(parents=True, exist_ok=True)
        paths.FINGERPRINT.write_text(fingerprint() + "\n")
        PAGES_FINGERPRINT.write_text(pages + "\n")
        print(f"The book is in {paths.relative(paths.HTML)}/index.html")
    return code
