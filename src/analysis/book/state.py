"""What the last build left in ``_build/``, and how the build knows that nothing changed.

- the fingerprint of everything the pages are made from (:func:`fingerprint`);
- for each notebook, what it read in ``data/`` and the fingerprint of ``src/`` when it ran
  (:func:`reads_file`), which decides whether it runs again;
- the pages executed again since the last successful build (:func:`pending_file`), which
  the Sphinx extension reads again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from analysis import paths


def _ignored(path: Path) -> bool:
    return any(part in ("__pycache__", ".ipynb_checkpoints") or part.endswith(".egg-info") for part in path.parts)


def fingerprint(tops) -> str:
    """sha256 over the relative path and the bytes of every file under ``tops``."""
    root = paths.project().root
    h = hashlib.sha256()
    for top in tops:
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file() and not _ignored(p))
        for f in files:
            h.update(f.relative_to(root).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def reads_file() -> Path:
    return paths.project().build / ".notebook-reads.json"


def pending_file() -> Path:
    return paths.project().build / ".pages-to-reread.json"


def pages_fingerprint_file() -> Path:
    return paths.project().build / ".pages-fingerprint"


def load_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def pages_to_reread() -> list[str]:
    """Docnames executed again since the last successful build (read again by the Sphinx extension)."""
    try:
        return list(json.loads(pending_file().read_text(encoding="utf-8")))
    except (FileNotFoundError, json.JSONDecodeError):
        return []


def charts_missing() -> bool:
    """True when the chart files the pages link to for download (``_build/figures``) are gone:
    they are written by the notebooks, so every notebook must run again."""
    return not any(paths.project().figures.glob("*.png"))
