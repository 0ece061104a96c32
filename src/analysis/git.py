"""Every call to git, in one place, with one rule: a failure (no git, not a checkout, an
unknown file) gives ``None``, never an exception — git only ever adds information."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from analysis import paths


def run(*args: str, root: Path | None = None) -> str | None:
    """The output of ``git args…`` in the project's root, or None when git fails or says nothing."""
    root = root or paths.project().root
    try:
        out = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout if out.returncode == 0 and out.stdout.strip() else None


def head_version(path: Path) -> str | None:
    """The committed text of ``path``, when the project is a git checkout that tracks it."""
    project = paths.project()
    try:
        rel = Path(path).resolve().relative_to(project.root).as_posix()
    except ValueError:
        return None
    return run("show", f"HEAD:{rel}")


def commit() -> str | None:
    """The commit the project is checked out at, or None outside a git checkout."""
    if not (paths.project().root / ".git").exists():
        return None
    out = run("rev-parse", "HEAD")
    return out.strip() if out else None


def web_address(configured: str | None) -> str | None:
    """The repository's web address: the configured one, else an http(s) or GitHub-style ssh remote."""
    url = configured or (run("remote", "get-url", "origin") or "").strip()
    url = re.sub(r"^git@([^:]+):", r"https://\1/", url)
    url = re.sub(r"\.git$", "", url.rstrip("/"))
    return url if url.startswith(("https://", "http://")) else None
