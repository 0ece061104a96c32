"""Downloading a producer's file: with a time-out, into a folder, whole or not at all, and
checked against the sha256 the last refresh recorded."""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from analysis.sources.spec import RefreshError

MIRROR_ENV = "ANALYSIS_UPSTREAM_MIRROR"


LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def mirrored(url: str, mirror: str | None) -> str:
    """The address to fetch: ``url`` itself, or the same host and path under ``mirror``."""
    if not mirror:
        return url
    parts = urlsplit(url)
    return f"{mirror.rstrip('/')}/{parts.netloc}{parts.path}" + (f"?{parts.query}" if parts.query else "")


def check_address(url: str) -> None:
    """Only https leaves this machine; plain http only to a mirror on this machine."""
    parts = urlsplit(url)
    if parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOCAL_HOSTS):
        return
    raise RefreshError(
        f"{url}: refused: only https addresses are fetched (plain http only from a mirror on "
        "this machine, http://127.0.0.1:…)"
    )


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


def _receive(answer, url: str, partial: Path, deadline: float, timeout: float, progress: bool) -> None:
    """Write the answer's body to ``partial`` as it arrives; stop at the deadline, and refuse a
    body shorter than the length the server announced."""
    from tqdm import tqdm

    size = int(answer.headers.get("Content-Length") or 0) or None
    received = 0
    with open(partial, "wb") as fh, tqdm(total=size, unit="B", unit_scale=True, disable=not progress or None) as bar:
        while chunk := answer.raw.read1(64 * 1024, decode_content=True):
            if time.monotonic() > deadline:
                raise RefreshError(f"{url}: no complete answer within {timeout:g} s (the whole download is bounded)")
            fh.write(chunk)
            received += len(chunk)
            bar.update(len(chunk))
    if time.monotonic() > deadline:
        raise RefreshError(f"{url}: no complete answer within {timeout:g} s (the whole download is bounded)")
    if size is not None and "Content-Encoding" not in answer.headers and received != size:
        raise RefreshError(f"{url}: download failed: {received} bytes received of the {size} announced")


def _fetch(method: str, url: str, target: Path, timeout: float, progress: bool = False, **request) -> Path:
    """One request whose answer is written to ``target`` only when whole, and only when it came
    within ``timeout`` seconds (the whole download, not each read)."""
    import requests

    if timeout <= 0:
        raise RefreshError(f"timeout {timeout:g}: a download needs a time-out of more than 0 s")
    check_address(url)
    deadline = time.monotonic() + timeout
    partial = target.with_name(target.name + ".part")
    try:
        with (
            _http_errors(url, timeout),
            requests.request(method, url, stream=True, timeout=timeout, **request) as answer,
        ):
            answer.raise_for_status()
            _receive(answer, url, partial, deadline, timeout, progress)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def download(
    url: str,
    folder: Path,
    timeout: float,
    progress: bool = False,
    headers: dict | None = None,
    fname: str | None = None,
) -> Path:
    """GET ``url`` into ``folder`` (under ``fname``, else the address's file name)."""
    target = Path(folder) / (fname or Path(urlsplit(url).path).name or "download")
    return _fetch("GET", url, target, timeout, progress, headers=headers or {})


def post(url: str, target: Path, body: dict, timeout: float) -> Path:
    """POST ``body`` as JSON to ``url``; the answer goes to ``target``."""
    return _fetch("POST", url, target, timeout, json=body)


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
