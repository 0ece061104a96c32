"""Build the book, and never serve a stale result.

Jupyter Book's execution cache (jupyter-cache) keys a notebook on its code cells only: a
change in ``data/`` or ``src/`` would not re-execute a cached notebook, and Sphinx would not
even re-read an unchanged page (MyST-NB#299). So the build executes the notebooks itself
first (:func:`analysis.book.execute.execute_book`, in parallel): a notebook runs again when its
code, a file of ``data/`` it read, or ``src/`` changed, and its page is then read again (the
book's Sphinx extension, ``analysis.book.sphinxext``). Jupyter Book finds every result in its
cache. When nothing the pages are made from changed, the build returns at once. A build
never writes to ``data/``.
"""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
import sys
from pathlib import Path

from analysis import git, paths
from analysis.book.state import (
    charts_missing,
    fingerprint,
    pages_fingerprint_file,
    pages_to_reread,
    pending_file,
    reads_file,
)


def jupyter_book_command() -> str:
    """The jupyter-book of this environment (beside the running Python), else the one on PATH."""
    beside = Path(sys.executable).with_name("jupyter-book")
    found = str(beside) if beside.exists() else shutil.which("jupyter-book")
    if not found:
        raise RuntimeError("jupyter-book is not installed in this environment (run `make book`)")
    return found


class BuildError(RuntimeError):
    """A build that cannot start: another checkout's package, say."""


def check_checkout(cwd: Path | None = None) -> None:
    """Refuse to build a checkout other than the one the package is imported from: a copied
    project with its ``.venv`` would otherwise build the original folder, silently."""
    here = Path(cwd or Path.cwd()).resolve()
    root = next((p for p in (here, *here.parents) if (p / "_config.yml").exists() and (p / "src").is_dir()), None)
    if root is not None and root != paths.project().root:
        raise BuildError(
            f"you are in {root}, but the package imported is the one of {paths.project().root}, so the build "
            f"would build that one. Install this checkout (`make env` here, or `pip install -e {root}`), or set "
            f"PYTHONPATH={root / 'src'}."
        )


def build(fresh: bool = False, quiet: bool = False, jobs: int | None = None) -> int:
    """Build the HTML book into ``_build/html``; return the exit code (non-zero on any warning).

    One build at a time per checkout: a second one waits for the first (a lock in ``_build/``).
    When nothing the pages are made from changed since the last successful build (which
    validated the data), there is nothing to do and the build returns at once."""
    check_checkout()
    build_dir = paths.project().build
    build_dir.mkdir(parents=True, exist_ok=True)
    with open(build_dir / ".build.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("Another build of this checkout is running: waiting for it to finish …", file=sys.stderr, flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        return _build(fresh, quiet, jobs)


def _build(fresh: bool, quiet: bool, jobs: int | None) -> int:
    from analysis.book.execute import ExecutionFailed, execute_book
    from analysis.datasets import validate_all

    project = paths.project()
    done_file = pages_fingerprint_file()
    # the pages name the commit they were built from: a new commit is a change
    pages = fingerprint(project.page_inputs) + (git.commit() or "")
    built = (project.html / "index.html").exists() and done_file.exists()
    if not fresh and built and done_file.read_text().strip() == pages and not charts_missing():
        print(f"Nothing changed since the last build: the book in {paths.relative(project.html)} is current.")
        return 0
    # Fail early, with the file, line and column, rather than deep inside a notebook.
    bad = {name: msg for name, msg in validate_all().items() if msg != "ok"}
    if bad:
        for msg in bad.values():
            print(msg, file=sys.stderr)
        return 1

    fresh = fresh or charts_missing()
    if fresh:
        for stale in (project.jupyter_cache, reads_file(), pending_file()):
            shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(missing_ok=True)
    done_file.unlink(missing_ok=True)
    try:
        executed = execute_book(jobs=jobs, progress=not quiet)
    except ExecutionFailed as err:
        print(err, file=sys.stderr)
        print(f"The book was not built: {len(err.failed)} notebook(s) raised.", file=sys.stderr)
        return 1
    # Pages executed again are read again, until a build succeeds (analysis.book.sphinxext).
    pending = sorted(set(executed) | set(pages_to_reread()))
    pending_file().parent.mkdir(parents=True, exist_ok=True)
    pending_file().write_text(json.dumps(pending) + "\n", encoding="utf-8")

    cmd = [jupyter_book_command(), "build", str(project.root), "--builder", "html", "-W", "-n", "--keep-going"]
    if fresh:
        cmd.append("--all")
    if quiet:
        cmd.append("--quiet")
    print(("Fresh build: " if fresh else "Build: ") + " ".join(cmd[1:]))
    result = subprocess.run(cmd, cwd=project.root, capture_output=quiet, text=True)
    code = result.returncode
    if code != 0 and quiet:  # quiet, but never silent about why Sphinx failed
        reasons = [
            line for line in (result.stdout + result.stderr).splitlines() if "WARNING" in line or "ERROR" in line
        ]
        print("\n".join(reasons[-40:] or (result.stdout + result.stderr).splitlines()[-40:]), file=sys.stderr)
    if code == 0:
        pending_file().unlink(missing_ok=True)
        done_file.write_text(pages + "\n")
        print(f"The book is in {paths.relative(project.html)}/index.html")
    return code
