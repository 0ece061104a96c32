"""``python -m analysis bench``: how long the book takes to build, measured on this machine.

Everything runs in a temporary copy of the project (its kernels import the copy's own
``src/``), so the book's ``data/`` and ``_build/`` are never touched. It reports:

- cold build: an empty cache, every notebook executed;
- no-op rebuild: nothing changed since;
- rebuild after one data table changed (a value edited, its checksum recorded);
- the floor: the sum over notebooks of kernel start plus execution, divided by the cores,
  plus the static build (every page rendered from a warm cache, nothing executed);
- with ``--tests``, the full test suite of the project itself.
"""

from __future__ import annotations

import csv
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis import paths
from analysis.book.build import jupyter_book_command

IGNORE = shutil.ignore_patterns(".venv", "_build", "variants", ".git", "__pycache__", "*.egg-info", ".pytest_cache")


def _run(cmd, cwd: Path, env: dict, output: list | None = None, step: str | None = None) -> float:
    if step:  # progress: each step takes from seconds to minutes
        print(f"bench: {step} …", file=sys.stderr, flush=True)
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    if output is not None:
        output.append(result.stdout)
    return elapsed


def _executed(stdout: str) -> list[str]:
    """The notebooks a build says it executed."""
    return [line.split()[1] for line in stdout.splitlines() if line.strip().startswith("executed ")]


def _edit_one_value(copy: Path) -> str:
    """Change one value of the arms-transfer table in the copy; return the dataset's name."""
    table = copy / "data" / "military" / "arms_transfers.csv"
    rows = list(csv.reader(table.open(newline="", encoding="utf-8")))
    col = rows[0].index("tiv_m")
    rows[1][col] = f"{float(rows[1][col]) + 1:.3f}"
    with table.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return "arms_transfers"


def _notebooks(copy: Path) -> list[Path]:
    return sorted((copy / "chapters").rglob("*.ipynb"))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
        cpu = model
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def bench(tests: bool = False) -> dict[str, float]:
    """Wall times of each step, in seconds; ``executed after the data change`` lists notebooks."""
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="book-bench-") as tmp:
        copy = Path(tmp) / "book"
        shutil.copytree(paths.project().root, copy, ignore=IGNORE)
        env = {**os.environ, "PYTHONPATH": str(copy / "src")}
        build = [sys.executable, "-m", "analysis", "build", "--quiet"]
        results["cold build"] = _run([*build, "--fresh"], copy, env, step="cold build")
        results["no-op rebuild"] = _run(build, copy, env, step="no-op rebuild")
        _edit_one_value(copy)
        _run([sys.executable, "-m", "analysis", "data", "rehash"], copy, env)
        out: list[str] = []
        results["rebuild after one data table changed"] = _run(build, copy, env, out, step="one data table changed")
        results["executed after the data change"] = _executed(out[0])
        # static build: every page rendered again from the warm execution cache
        jb = jupyter_book_command()
        results["static build (warm cache, nothing executed)"] = _run(
            [jb, "build", str(copy), "--builder", "html", "--all", "--quiet"], copy, env, step="static build"
        )
        execution = 0.0
        for nb in _notebooks(copy):
            execution += _run(
                [sys.executable, "-m", "analysis", "execute", str(nb)],
                copy,
                env,
                step=f"executing {nb.relative_to(copy)} alone",
            )
        results["notebooks, kernel start plus execution (sum)"] = execution
        results["floor (sum / cores + static build)"] = (
            execution / (os.cpu_count() or 1) + results["static build (warm cache, nothing executed)"]
        )
    if tests:
        results["full test suite"] = _run(
            [sys.executable, "-m", "pytest", "-q"], paths.project().root, dict(os.environ), step="full test suite"
        )
    return results


def report(results: dict[str, float]) -> str:
    lines = [f"Measured on {time.strftime('%Y-%m-%d')}, {machine()}", "", "| step | wall time |", "|---|---|"]
    lines += [f"| {step} | {seconds:.1f} s |" for step, seconds in results.items() if isinstance(seconds, float)]
    executed = results.get("executed after the data change", [])
    lines += ["", f"The data change (one value of arms_transfers) executed again: {', '.join(executed) or 'nothing'}"]
    cold, floor = results["cold build"], results["floor (sum / cores + static build)"]
    lines += ["", f"cold build / floor = {cold / floor:.2f}"]
    return "\n".join(lines)
