"""Execute a notebook top to bottom in a fresh kernel and store its outputs in place.

The notebooks in ``chapters/`` are committed with their outputs, so that nbval can compare a
new run with the stored one. Those outputs must come from a clean run of the notebook as it
is, never from a copy of the build's own execution.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import nbformat
import yaml
from nbclient import NotebookClient
from tqdm import tqdm

from analysis import paths
from analysis.book.state import fingerprint, load_json, reads_file
from analysis.datasets import provenance as reads


def execute_in_place(notebook: Path, timeout: int = 600, kernel: str = "python3") -> None:
    notebook = Path(notebook).resolve()
    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name=kernel, resources={"metadata": {"path": str(notebook.parent)}}
    )
    client.execute()
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:  # run timestamps would make every run a change in git
        cell.metadata.pop("execution", None)
    nbformat.write(nb, notebook)


# --------------------------------------------------------------------------------------
# Executing the book's notebooks before the build, in parallel, and only those whose inputs changed
#
# Jupyter Book executes notebooks one after another while it reads the pages, and its cache
# (jupyter-cache) keys a notebook on its code cells only. The build therefore executes the
# notebooks itself, several at a time, and stores each result in that same cache, where
# Jupyter Book finds it. Beside the cache it keeps, for each notebook, what the notebook read
# in data/ (see analysis.datasets.provenance) and the fingerprint of src/: a notebook is executed again when
# its code, one of the files it read, or src/ changed; the others keep their cached outputs.


def toc_documents() -> list[str]:
    """Every page of the table of contents, in its order, as ``_toc.yml`` names it (no suffix)."""
    toc = yaml.safe_load((paths.project().root / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [ch["file"] for part in toc.get("parts", []) for ch in part["chapters"]]


def book_notebooks() -> list[Path]:
    """The notebooks of the table of contents, in its order."""
    root = paths.project().root
    return [root / f"{f}.ipynb" for f in toc_documents() if (root / f"{f}.ipynb").exists()]


def _docname(notebook: Path) -> str:
    return notebook.resolve().relative_to(paths.project().root).with_suffix("").as_posix()


def _why_stale(cached, known: dict | None, src: str) -> str | None:
    """Why a notebook must run again, or None when its cached outputs are current."""
    if cached is None:
        return "not in the cache"
    if known is None:
        return "no record of what it read"
    if known.get("src") != src:
        return "src/ changed"
    changed = [key for key, sha in known["reads"].items() if reads.digest(key) != sha]
    return f"data changed: {', '.join(changed)}" if changed else None


def _run_one(notebook: str, timeout: int) -> tuple[str, str | None, float, list[str], str | None]:
    """Execute one notebook in a fresh kernel (in a worker process); return the executed
    notebook as JSON, its run time, what it read and the error, if any."""
    from jupyter_cache.executors.utils import single_nb_execution

    path = Path(notebook)
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "reads.log"
        os.environ[reads.ENV] = str(log)  # the kernel inherits it
        result = single_nb_execution(nb, cwd=str(path.parent), allow_errors=False, timeout=timeout, meta_override=True)
        read = reads.recorded(log)
    if result.err is not None:
        return notebook, None, result.time, read, result.exc_string or repr(result.err)
    return notebook, nbformat.writes(nb), result.time, read, None


def execute_book(jobs: int | None = None, timeout: int = 600, progress: bool = True) -> list[str]:
    """Execute, ``jobs`` at a time, the book's notebooks whose cached outputs are stale.

    Returns the docnames of the pages executed, which the build must read again. Raises
    ``ExecutionFailed`` naming each notebook that raised, with its traceback."""
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(str(paths.project().jupyter_cache))
    known = load_json(reads_file())
    src = fingerprint((paths.project().src,))
    todo: dict[Path, str] = {}
    for nb_path in book_notebooks():
        nb = nbformat.read(nb_path, as_version=4)
        cached = None
        with contextlib.suppress(KeyError):
            cached = cache.match_cache_notebook(nb)
        why = _why_stale(cached, known.get(_docname(nb_path)), src)
        if why:
            if cached is not None:
                cache.remove_cache(cached.pk)
            todo[nb_path] = why
    if not todo:
        return []
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    # longest first, from the last run times, so that the workers finish together
    order = sorted(todo, key=lambda p: -known.get(_docname(p), {}).get("seconds", 0.0))
    print(f"Executing {len(todo)} notebook(s), {jobs} at a time:")
    for p in order:
        print(f"  {paths.relative(p)} ({todo[p]})")
    failed, done = {}, []
    ctx = multiprocessing.get_context("spawn")
    with (
        ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool,
        tqdm(total=len(order), unit="notebook", disable=not progress or None, leave=False) as bar,
    ):
        futures = [pool.submit(_run_one, str(p), timeout) for p in order]
        for future in as_completed(futures):
            notebook, text, seconds, read, error = future.result()
            path = Path(notebook)
            bar.update(1)
            if error:
                failed[paths.relative(path)] = error
                tqdm.write(f"  FAILED {paths.relative(path)} after {seconds:.1f} s")
                continue
            cache.cache_notebook_bundle(
                CacheBundleIn(nbformat.reads(text, as_version=4), str(path), data={"execution_seconds": seconds}),
                check_validity=False,
                overwrite=True,
            )
            known[_docname(path)] = {
                "seconds": round(seconds, 2),
                "src": src,
                "reads": {key: reads.digest(key) for key in read},
            }
            done.append(_docname(path))
            tqdm.write(f"  executed {paths.relative(path)} in {seconds:.1f} s")
    reads_file().parent.mkdir(parents=True, exist_ok=True)
    reads_file().write_text(json.dumps(known, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if failed:
        raise ExecutionFailed(failed)
    return done


class ExecutionFailed(RuntimeError):
    def __init__(self, failed: dict[str, str]):
        self.failed = failed
        super().__init__("\n\n".join(f"{nb} raised:\n{tb}" for nb, tb in failed.items()))
