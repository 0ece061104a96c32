"""Downloading a producer's file: with a time-out, into a folder, whole or not at all, and
checked against the sha256 the last refresh recorded."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from analysis.sources.spec import RefreshError

MIRROR_ENV = "ANALYSIS_UPSTREAM_MIRROR"


def mirrored(url: str, mirror: str | None) -> str:
    """The address to fetch: ``url`` itself, or the same host and path under ``mirror``."""
    if not mirror:
        return url
    parts = urlsplit(url)
    return f"{mirror.rstrip('/')}/{parts.netloc}{parts.path}" + (f"?{parts.query}" if parts.query else "")


@contextmanager
def _http_errors(url: str, timeout: float):
    """A failed request as a RefreshError that names the address (and the time-out, when that was it)."""
    import requests

    try:
        yield
    except requests.exceptions.Timeout as err:
        raise RefreshError(f"{url}: no answer within {timeout:g} s ({type(err).__name__})") from err
    except requests.exceptions.RequestException as err:
        raise RefreshError(f"{url}: download failed: {err}") from err


def download(
    url: str,
    folder: Path,
    timeout: float,
    progress: bool = False,
    headers: dict | None = None,
    fname: str | None = None,
) -> Path:
    """Fetch ``url`` into ``folder`` with pooch (a bounded time-out; the file appears only when whole)."""
    import pooch

    pooch.get_logger().setLevel("WARNING")  # its advice on known_hash is for library authors
    name = fname or Path(urlsplit(url).path).name or "download"
    fetch = pooch.HTTPDownloader(timeout=timeout, progressbar=progress, headers=headers or {})
    with _http_errors(url, timeout):
        return Path(pooch.retrieve(url, known_hash=None, fname=name, path=folder, downloader=fetch))


def post(url: str, target: Path, body: dict, timeout: float) -> Path:
    """POST ``body`` as JSON to ``url``; the answer is written to ``target`` only when whole."""
    import requests

    with _http_errors(url, timeout):
        answer = requests.post(url, json=body, timeout=timeout)
        answer.raise_for_status()
    partial = target.with_suffix(".part")
    partial.write_bytes(answer.content)
    partial.replace(target)
    return target


def local_copy(file: Path, folder: Path) -> Path:
    """A file given by hand, copied under its own name (a name may carry the release date)."""
    if not file.is_file():
        raise RefreshError(f"{file}: no such file")
    return Path(shutil.copy2(file, folder / file.name))


def check_pin(file: Path, pinned: str | None, url: str, part: Callable[[Path], bytes] | None = None) -> str:
    """The file's sha256 (of ``part`` of it, when given), checked against the one the last refresh recorded."""
    sha = hashlib.sha256(part(file) if part else file.read_bytes()).hexdigest()
    if pinned and sha != pinned:
        raise RefreshError(
            f"{url}: the file is not the one the last refresh took (sha256 {pinned[:12]}…, now {sha[:12]}…). "
            "Either the producer published a new release at the same address, or the download is corrupt. "
            "Look at it, then take it with --accept-new-release."
        )
    return sha
