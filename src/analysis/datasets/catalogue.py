"""The data catalogue page: every dataset of the descriptor, described for a reader."""

from __future__ import annotations

import re

from analysis import datasets, paths
from analysis.markup import code, escape, escape_but_code, link, md_table


def _sources(res: dict) -> str:
    lines = []
    for s in res.get("sources", []):
        bits = [
            f"**{escape(s['title'])}**",
            escape(s["producer"]) if s.get("producer") else None,
            f"vintage {escape(s['vintage'])}" if s.get("vintage") else None,
            escape(s["kind"]) if s.get("kind") else None,
            link(s["path"]) if s.get("path") else None,
            escape_but_code(s["note"]) if s.get("note") else None,
        ]
        lines.append("- " + "; ".join(b for b in bits if b))
    return "\n".join(lines)


def _fields(res: dict) -> str:
    rows = [(code(f["name"]), f.get("type", "string"), f.get("description", "")) for f in res["schema"]["fields"]]
    return md_table(("field", "type", "description"), rows, raw=("field",), code=("description",))


def _downloads(name: str) -> str:
    """Links to download the table and the descriptor that describes it (its schema included)."""
    path = datasets.file_of(name).relative_to(paths.project().root).as_posix()  # inside data/, or refused
    if not re.fullmatch(r"[\w./-]+", path):
        return ""
    return f"Download: {{download}}`the table (CSV) </{path}>` · {{download}}`its description (YAML) </data/datapackage.yaml>`."


def entry(name: str) -> str:
    """Markdown describing one dataset: title, file, size, checksum, sources, licence, fields; every
    text from the descriptor escaped (:mod:`analysis.markup`)."""
    res = datasets.resource(name)
    df = datasets.load(name)
    licences = "; ".join(
        f"{escape(lic.get('title', lic.get('name')))} ({link(lic['path'])})"
        if lic.get("path")
        else escape(lic.get("title", lic.get("name")))
        for lic in res.get("licenses", [])
    )
    key = ", ".join(code(k) for k in res["schema"].get("primaryKey", []))
    sha = datasets.sha256(datasets.file_of(name))
    return "\n\n".join(
        [
            f"## {code(name)}: {escape(res.get('title', ''))}",
            escape_but_code(res.get("description", "")),
            f"File {code('data/' + res['path'])}, {len(df)} rows, key {key}, sha256 `{sha}`. {_downloads(name)}",
            "Sources:\n\n" + _sources(res),
            f"Licence: {licences}",
            _fields(res),
        ]
    )


def page() -> str:
    """Markdown for every dataset of the descriptor."""
    return "\n\n".join(entry(name) for name in datasets.names())
