"""A PDF of the whole book, for reviewers who annotate: the book built as one HTML page (Sphinx's
``singlehtml`` builder, from the execution cache the HTML build keeps current), printed by the
Chromium of the system (Debian's ``chromium``), offline. Nothing is downloaded."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from analysis import paths
from analysis.book.build import BuildError, build, jupyter_book_command


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise BuildError("printing the PDF needs Chromium (Debian: apt-get install chromium)")
    return found


def pdf(quiet: bool = True) -> Path:
    """Write ``_build/pdf/book.pdf``; return its path."""
    printer = chromium()
    if build(quiet=quiet) != 0:
        raise BuildError("the book did not build, so there is nothing to print")
    project = paths.project()
    single = subprocess.run(
        [jupyter_book_command(), "build", str(project.root), "--builder", "singlehtml", "--quiet"],
        cwd=project.root,
        capture_output=True,
        text=True,
    )
    page = project.build / "singlehtml" / "index.html"
    if single.returncode != 0 or not page.exists():
        raise BuildError("the one-page book did not build:\n" + (single.stdout + single.stderr)[-3000:])
    out = project.build / "pdf" / "book.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    printed = subprocess.run(
        [
            printer,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            "--virtual-time-budget=20000",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if printed.returncode != 0 or not out.exists():
        raise BuildError("Chromium did not print the book:\n" + printed.stderr[-3000:])
    return out
