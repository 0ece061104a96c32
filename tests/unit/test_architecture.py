"""The package's shape: layers that import only downwards, no cycle, short modules, clean lint,
each producer in one module, paths as an object."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from analysis import paths
from analysis.cli import parser
from analysis.sources.registry import by_hand, ingests, upstreams

BIN = Path(sys.executable).parent
ROOT = paths.HOME.root


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / args[0]), *args[1:]], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_layers_import_only_downwards():
    result = _run("lint-imports")
    assert result.returncode == 0 and "0 broken" in result.stdout, result.stdout[-3000:]


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while (w := stack.pop()) != v:
                on.discard(w)
                component.append(w)
            on.discard(v)
            if component:
                found.append(sorted([v, *component]))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_itself_back_through_others():
    graph = grimp.build_graph("analysis")
    edges = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    assert _cycles(edges) == []


def test_no_registry_entry_is_resolved_by_importlib():
    """Evaluators are found in a register, not imported by name: no hidden cycle, no arbitrary code."""
    for module in (ROOT / "src" / "analysis").rglob("*.py"):
        assert "importlib.import_module" not in module.read_text(encoding="utf-8") or module.name == "registry.py", (
            module
        )


def test_no_module_is_longer_than_about_300_lines():
    long = {
        m.relative_to(ROOT).as_posix(): n
        for m in (ROOT / "src").rglob("*.py")
        if (n := len(m.read_text(encoding="utf-8").splitlines())) > 320
    }
    assert long == {}


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "src", "tests"),
        ("ruff", "format", "--check", "src", "tests"),
        ("nbqa", "ruff", "chapters"),
        ("nbqa", "ruff format", "--check", "chapters"),
    ],
    ids=["ruff", "ruff-format", "nbqa-ruff", "nbqa-ruff-format"],
)
def test_lint_is_clean(command):
    result = _run(*command)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_every_ingest_command_comes_from_a_producer_module():
    ingest = next(a for a in parser()._subparsers._group_actions[0].choices["ingest"]._actions if a.choices)
    assert set(ingest.choices) == set(ingests())
    for name, spec in ingests().items():
        module = spec.derive.__module__
        assert module.startswith("analysis.sources.producers."), (name, module)
    assert set(upstreams()).isdisjoint(by_hand())
    assert set(upstreams()) | set(by_hand()) == set(ingests())


def test_a_scratch_project_is_its_own_object_and_the_home_one_comes_back(tmp_path):
    home = paths.project()
    with paths.using(paths.Project(tmp_path)) as scratch:
        assert paths.project() is scratch and scratch.descriptor == tmp_path / "data" / "datapackage.yaml"
        with paths.data_at(tmp_path / "staging"):
            assert paths.project().claims == tmp_path / "staging" / "claims.yaml"
            assert paths.project().root == tmp_path
        assert paths.project() is scratch
    assert paths.project() is home and home.data == ROOT / "data"
