"""The three registries of ``data/``: the report's claims (``claims.yaml``), its net
assessments (``assessments.yaml``) and its recommendations (``recommendations.yaml``).

Each is checked against one JSON Schema (``registries.schema.json`` beside this module) and
for what a schema cannot say: unique ids, and references that must exist (a recommendation's
assessments, a claim's datasets). An error names the file, the entry and the field.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path

import yaml

from analysis import paths
from analysis.datasets import provenance
from analysis.datasets.yamlfiles import parsed

SCHEMA = Path(__file__).with_name("registries.schema.json")
KINDS = ("claims", "assessments", "recommendations")


class RegistryError(ValueError):
    """A registry entry that does not follow the schema: names the file, the entry and the field."""


def file_of(kind: str) -> Path:
    if kind not in KINDS:
        raise ValueError(f"registry must be one of {KINDS}, not {kind!r}")
    return getattr(paths.project(), kind)


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _where(path: Path, document, location) -> str:
    """'data/claims.yaml, entry C04 (#4), field why_this_choice' for a path inside the document."""
    text = paths.relative(path)
    location = list(location)
    if len(location) >= 2 and isinstance(location[1], int):
        entry = document[location[0]][location[1]]
        label = entry.get("id", "?") if isinstance(entry, dict) else "?"
        text += f", entry {label} (#{location[1] + 1})"
        location = location[2:]
    if location:
        text += ", field " + ".".join(map(str, location))
    return text


def problems(kind: str) -> list[str]:
    """Everything wrong with one registry file, one line each (empty when it is sound)."""
    path = file_of(kind)
    try:
        document = parsed(path)
    except FileNotFoundError:
        return [f"{paths.relative(path)}: file not found"]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        return [f"{paths.relative(path)}{where}: not valid YAML: {getattr(err, 'problem', None) or err}"]
    if not isinstance(document, dict) or kind not in document:
        return [f"{paths.relative(path)}: the file must hold one list, '{kind}:'"]
    found = []
    for err in sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        location = list(err.absolute_path)
        message = err.message
        if err.validator == "required":
            location.append(message.split("'")[1])
            message = "missing (required)"
        elif err.validator == "additionalProperties":
            message = f"unknown field: {message}"
        found.append(f"{_where(path, document, location)}: {message}")
    if found:
        return found
    entries = document[kind]
    seen = set()
    for i, entry in enumerate(entries):
        if entry["id"] in seen:
            found.append(f"{_where(path, document, [kind, i, 'id'])}: duplicate id {entry['id']}")
        seen.add(entry["id"])
    found += _references(kind, path, document)
    return found


def _references(kind: str, path: Path, document) -> list[str]:
    """References to other registries and to the descriptor that do not exist."""
    found = []
    if kind == "recommendations":
        known = {e.get("id") for e in (parsed(file_of("assessments")) or {}).get("assessments", [])}
        for i, entry in enumerate(document[kind]):
            for na in entry["rests_on"]:
                if na not in known:
                    found.append(f"{_where(path, document, [kind, i, 'rests_on'])}: unknown assessment {na}")
    if kind == "claims":
        known = {r["name"] for r in parsed(paths.project().descriptor)["resources"]}
        for i, entry in enumerate(document[kind]):
            for name in entry["datasets"]:
                if name not in known:
                    found.append(
                        f"{_where(path, document, [kind, i, 'datasets'])}: no dataset {name!r} in data/datapackage.yaml"
                    )
    return found


@lru_cache(maxsize=8)
def _checked(kind: str, path: Path, stamp: tuple) -> list[dict]:
    found = problems(kind)
    if found:
        prefix = f"{paths.relative(path)}, "
        lines = [p.removeprefix(prefix) for p in found[:20]]
        more = f"\n  … and {len(found) - 20} more" if len(found) > 20 else ""
        raise RegistryError(f"{paths.relative(path)}: {len(found)} problem(s)\n  " + "\n  ".join(lines) + more)
    return parsed(path)[kind]


def entries(kind: str) -> list[dict]:
    """The entries of one registry, checked (once per version of the file); the caller's own copy."""
    path = file_of(kind)
    provenance.record_file(path)
    stat = path.stat() if path.exists() else None
    stamp = (stat.st_mtime_ns, stat.st_size) if stat else None
    others = tuple(p.stat().st_mtime_ns for p in (paths.project().descriptor, file_of("assessments")) if p.exists())
    return copy.deepcopy(_checked(kind, path, (stamp, others)))


def entry(kind: str, item_id: str) -> dict:
    """One entry by its id."""
    for e in entries(kind):
        if e["id"] == item_id:
            return e
    raise KeyError(f"no entry {item_id!r} in {paths.relative(file_of(kind))}")


def validate_all() -> dict[str, list[str]]:
    """``{file: problems}`` for the three registries (for ``make validate``)."""
    return {paths.relative(file_of(kind)): problems(kind) for kind in KINDS}
