"""Every dataset the producers' modules make, collected from their ``INGESTS``."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from analysis.sources import producers
from analysis.sources.spec import Ingest, Upstream


@cache
def ingests() -> dict[str, Ingest]:
    """``{dataset: Ingest}`` over every module of :mod:`analysis.sources.producers`, in the
    modules' alphabetical order."""
    found: dict[str, Ingest] = {}
    for info in sorted(pkgutil.iter_modules(producers.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{producers.__name__}.{info.name}")
        for ingest in getattr(module, "INGESTS", ()):
            if ingest.dataset in found:
                raise ValueError(f"{module.__name__}: dataset {ingest.dataset} is already made by another producer")
            found[ingest.dataset] = ingest
    return found


def upstreams() -> dict[str, Upstream]:
    """The datasets ``refresh`` can download, and how."""
    return {name: i.upstream for name, i in ingests().items() if i.upstream is not None}


def by_hand() -> dict[str, str]:
    """The datasets whose producer has no stable file address: what the reader does instead."""
    return {name: i.by_hand for name, i in ingests().items() if i.by_hand}
