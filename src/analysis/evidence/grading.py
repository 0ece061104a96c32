"""How strong is the ground a verdict stands on?

Every row of a hand-compiled table carries a ``source_kind``, and every producer's source in
``data/datapackage.yaml`` a ``source_kind`` too, from one fixed list, strongest first. A verdict
names the weakest kind it rests on, and "reproduced" may not rest on opinion or blog sources
alone.
"""

from __future__ import annotations

from analysis import datasets

SOURCE_KINDS = (
    "official statistics",
    "international organisation",
    "research institute or peer-reviewed",
    "official statement",
    "news agency or newspaper of record",
    "other press",
    "opinion or blog",
)
PER_ROW = "per row"  # a hand-compiled table: each row says its own kind


def rank(kind: str) -> int:
    """0 for the strongest kind; an unknown kind is an error naming it."""
    try:
        return SOURCE_KINDS.index(kind)
    except ValueError:
        raise ValueError(f"source kind {kind!r} is not one of {SOURCE_KINDS}") from None


def weakest(kinds) -> str:
    return max(kinds, key=rank)


def strongest(kinds) -> str:
    return min(kinds, key=rank)


def kinds_of(dataset: str, indicators=()) -> list[str]:
    """The source kinds behind one table: its rows' (of ``indicators`` only, where the table has an
    indicator column and some are named), or its producers' from the descriptor."""
    sources = datasets.resource(dataset).get("sources", [])
    per_row = [s for s in sources if s.get("source_kind") == PER_ROW]
    kinds = [s["source_kind"] for s in sources if s.get("source_kind") not in (None, PER_ROW)]
    if per_row:
        table = datasets.load(dataset)
        if indicators and "indicator" in table.columns:
            table = table[table["indicator"].isin(indicators)]
        kinds += list(table["source_kind"].dropna().unique())
    return sorted(set(kinds), key=rank)


def kinds_behind(entry: dict) -> list[str]:
    """The source kinds a registered claim rests on, strongest first."""
    indicators = entry.get("published_indicators") or ()
    kinds = {k for name in entry.get("datasets", []) for k in kinds_of(name, indicators)}
    return sorted(kinds, key=rank)
