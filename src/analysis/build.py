"""Build the book, and never serve a stale result.

Jupyter Book's execution cache (jupyter-cache) keys a notebook on its code cells only: a
change in ``data/`` or ``src/`` would not re-execute a cached notebook, and Sphinx would not
even re-read an unchanged page (MyST-NB#299). So the build executes the notebooks itself
first (:func:`analysis.execute.execute_book`, in parallel): a notebook runs again when its
code, a file of ``data/`` it read, or ``src/`` changed, and its page is then read again (the
book's Sphinx extension, ``analysis.sphinxext``). Jupyter Book finds every result in its
cache. When nothing the pages are made from changed, the build returns at once. A build
never writes to ``data/``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

from analysis import paths

# Everything the pages are made from: when none of it changed since the last successful build,
# and the built book is still there, the build has nothing to do.
PAGE_INPUTS = (paths.DATA, paths.SRC, paths.CHAPTERS, paths.ROOT / "_config.yml", paths.ROOT / "_toc.yml",
               paths.ROOT / "index.md", paths.ROOT / "_static", paths.ROOT / "bibliography")
PAGES_FINGERPRINT = paths.BUILD / ".pages-fingerprint"


def _ignored(path: Path) -> bool:
    return any(part in ("__pycache__", ".ipynb_checkpoints") or part.endswith(".egg-info") for part in path.parts)


def fingerprint(tops) -> str:
    """sha256 over the relative path and the bytes of every file under ``tops``."""
    h = hashlib.sha256()
    for top in tops:
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file() and not _ignored(p))
        for f in files:
            h.update(f.relative_to(paths.ROOT).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def jupyter_book_command() -> str:
    """The jupyter-book of this environment (beside the running Python), else the one on PATH."""
    beside = Path(sys.executable).with_name("jupyter-book")
    found = str(beside) if beside.exists() else shutil.which("jupyter-book")
    if not found:
        raise RuntimeError("jupyter-book is not installed in this environment (run `make book`)")
    return found


def charts_missing() -> bool:
    """True when the chart files the pages link to for download (``_build/figures``) are gone:
    they are written by the notebooks, so every notebook must run again."""
    return not any(paths.FIGURES.glob("*.png"))


def build(fresh: bool = False, quiet: bool = False, jobs: int | None = None) -> int:
    """Build the HTML book into ``_build/html``; return the exit code (non-zero on any warning).

    When nothing the pages are made from changed since the last successful build (which
    validated the data), there is nothing to do and the build returns at once."""
    from analysis.datasets import validate_all
    from analysis.execute import PENDING_FILE, READS_FILE, ExecutionFailed, execute_book
    from analysis.sphinxext import commit

    # the pages name the commit they were built from: a new commit is a change
    pages = fingerprint(PAGE_INPUTS) + (commit() or "")
    built = (paths.HTML / "index.html").exists() and PAGES_FINGERPRINT.exists()
    if not fresh and built and PAGES_FINGERPRINT.read_text().strip() == pages and not charts_missing():
        print(f"Nothing changed since the last build: the book in {paths.relative(paths.HTML)} is current.")
        return 0
    # Fail early, with the file, line and column, rather than deep inside a notebook.
    bad = {name: msg for name, msg in validate_all().items() if msg != "ok"}
    if bad:
        for msg in bad.values():
            print(msg, file=sys.stderr)
        return 1

    fresh = fresh or charts_missing()
    if fresh:
        for stale in (paths.JUPYTER_CACHE, READS_FILE, PENDING_FILE):
            shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(missing_ok=True)
    PAGES_FINGERPRINT.unlink(missing_ok=True)
    try:
        executed = execute_book(jobs=jobs, progress=not quiet)
    except ExecutionFailed as err:
        print(err, file=sys.stderr)
        print(f"The book was not built: {len(err.failed)} notebook(s) raised.", file=sys.stderr)
        return 1
    # Pages executed again are read again, until a build succeeds (analysis.sphinxext).
    pending = sorted(set(executed) | set(pages_to_reread()))
    PENDING_FILE.parent.mkdir(parents=True, exist_ok=True)
    PENDING_FILE.write_text(json.dumps(pending) + "\n", encoding="utf-8")

    cmd = [jupyter_book_command(), "build", str(paths.ROOT), "--builder", "html", "-W", "-n", "--keep-going"]
    if fresh:
        cmd.append("--all")
    if quiet:
        cmd.append("--quiet")
    print(("Fresh build: " if fresh else "Build: ") + " ".join(cmd[1:]))
    code = subprocess.run(cmd, cwd=paths.ROOT).returncode
    if code == 0:
        PENDING_FILE.unlink(missing_ok=True)
        PAGES_FINGERPRINT.write_text(pages + "\n")
        print(f"The book is in {paths.relative(paths.HTML)}/index.html")
    return code


def pages_to_reread() -> list[str]:
    """Docnames executed again since the last successful build (read again by analysis.sphinxext)."""
    from analysis.execute import PENDING_FILE

    try:
        return list(json.loads(PENDING_FILE.read_text(encoding="utf-8")))
    except (FileNotFoundError, json.JSONDecodeError):
        return []
