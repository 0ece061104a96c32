"""The data catalogue page: every dataset of the descriptor, described for a reader."""

from __future__ import annotations

from analysis import datasets
from analysis.markup import md_table


def _sources(res: dict) -> str:
    lines = []
    for s in res.get("sources", []):
        bits = [
            f"**{s['title']}**",
            s.get("producer"),
            f"vintage {s['vintage']}" if s.get("vintage") else None,
            s.get("kind"),
            f"<{s['path']}>" if s.get("path") else None,
            " ".join(str(s["note"]).split()) if s.get("note") else None,
        ]
        lines.append("- " + "; ".join(b for b in bits if b))
    return "\n".join(lines)


def _fields(res: dict) -> str:
    rows = [(f"`{f['name']}`", f.get("type", "string"), f.get("description", "")) for f in res["schema"]["fields"]]
    return md_table(("field", "type", "description"), rows, raw=("field",), code=("description",))


def entry(name: str) -> str:
    """Markdown describing one dataset: title, file, size, checksum, sources, licence, fields."""
    res = datasets.resource(name)
    df = datasets.load(name)
    licences = "; ".join(
        f"{lic.get('title', lic.get('name'))} (<{lic['path']}>)"
        if lic.get("path")
        else lic.get("title", lic.get("name"))
        for lic in res.get("licenses", [])
    )
    key = ", ".join(f"`{k}`" for k in res["schema"].get("primaryKey", []))
    return "\n\n".join(
        [
            f"### `{name}`: {res.get('title', '')}",
            " ".join(str(res.get("description", "")).split()),
            f"File `data/{res['path']}`, {len(df)} rows, key {key}, sha256 `{datasets.sha256(datasets.file_of(name))}`.",
            "Sources:\n\n" + _sources(res),
            f"Licence: {licences}",
            _fields(res),
        ]
    )


def page() -> str:
    """Markdown for every dataset of the descriptor."""
    return "\n\n".join(entry(name) for name in datasets.names())
