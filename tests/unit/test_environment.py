"""The environment is pinned once: pyproject.toml, environment.yml and the lock agree."""

from __future__ import annotations

import re
import tomllib

import yaml

from analysis import paths


def _pins(requirements) -> dict[str, str]:
    pins = {}
    for req in requirements:
        m = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*==\s*([^\s;]+)\s*", req)
        if m:
            pins[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(2)
    return pins


def _pyproject() -> dict:
    return tomllib.loads((paths.HOME.root / "pyproject.toml").read_text())["project"]


def test_every_direct_dependency_is_pinned():
    project = _pyproject()
    reqs = project["dependencies"] + sum(project["optional-dependencies"].values(), [])
    assert len(_pins(reqs)) == len(reqs), "every dependency in pyproject.toml must be pinned with =="


def test_environment_yml_pins_the_same_versions_as_pyproject():
    project = _pyproject()
    ours = _pins(project["dependencies"] + sum(project["optional-dependencies"].values(), []))
    env = yaml.safe_load((paths.HOME.root / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    theirs = _pins(pip_section)
    assert theirs == ours


def test_the_lock_agrees_with_the_direct_pins():
    project = _pyproject()
    ours = _pins(project["dependencies"] + sum(project["optional-dependencies"].values(), []))
    lock = _pins((paths.HOME.root / "requirements-lock.txt").read_text().splitlines())
    assert {k: lock.get(k) for k in ours} == ours
