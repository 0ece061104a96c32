"""The book's own sources as BibTeX, made from ``data/datapackage.yaml``.

``bibliography/report.bib`` holds the report's 91 endnotes (keys ``report-n01`` …); this
module writes ``bibliography/book.bib``, one entry per table of the book (key ``data-<name>``)
naming each of its producers, titles, addresses, vintages and licences, so that a claim can
cite the tables it reads. The file is generated, never edited: ``python -m analysis data
bibliography`` writes it, and a test checks that it matches the descriptor.
"""

from __future__ import annotations

import re

from analysis import datasets, paths


def book_bib_file():
    """``bibliography/book.bib``: generated from the descriptor."""
    return paths.project().bibliography / "book.bib"


def report_bib_file():
    """``bibliography/report.bib``: the report's endnotes, kept by hand."""
    return paths.project().bibliography / "report.bib"


def _tex(text) -> str:
    """Text safe inside a BibTeX field: braces dropped, TeX's special characters escaped."""
    text = " ".join(str(text).replace("{", "").replace("}", "").split())
    return re.sub(r"([&%#_$])", r"\\\1", text)


def entry(name: str) -> str:
    r = datasets.resource(name)
    sources = r.get("sources", [])
    first = sources[0] if sources else {}
    year = re.match(r"\d{4}", str(first.get("vintage", "")))
    licences = "; ".join(lic.get("title", lic.get("name", "")) for lic in r.get("licenses", []))
    also = "; ".join(f"{s['producer']}, {s['title']} ({s['vintage']}, {s['path']})" for s in sources[1:])
    fields = [
        ("author", "{" + _tex(first.get("producer", "the book's own compilation")) + "}"),
        ("title", _tex(first.get("title", r.get("title", name)))),
        ("year", year.group(0) if year else ""),
        ("url", str(first.get("path", "")).replace("}", "").replace("{", "")),
        (
            "note",
            _tex(
                f"Table {name} of the book ({r['path']}), vintage {first.get('vintage', 'n/a')}. "
                f"Licence: {licences}." + (f" Also from: {also}." if also else "")
            ),
        ),
    ]
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields if v)
    return f"@misc{{data-{name},\n{body}\n}}\n"


def book_bib() -> str:
    names = [r["name"] for r in datasets.data_package()["resources"]]
    return (
        "% The book's tables and their sources, one entry each (key data-<table>), generated from\n"
        "% data/datapackage.yaml by `python -m analysis data bibliography`; do not edit.\n\n"
        + "\n".join(entry(n) for n in names)
    )


def write() -> bool:
    """Write ``bibliography/book.bib``; True when it changed."""
    text = book_bib()
    target = book_bib_file()
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return True
