"""Data, computations and figures behind the book.

The package is small on purpose: one module per concern.

- ``paths``: where things are, resolved from this file's own location;
- ``datasets``: the data descriptor, validation, and ``load(name)``;
- ``figures``: the house style and the deterministic save of every chart;
- ``claims``: the registry of the report's quantitative claims and their verdicts;
- ``military``: computations for chapter 2 (spending, arms transfers);
- ``ingest``: derivation of the curated tables from the producers' raw files;
- ``build``: the book build, with an execution cache that cannot go stale;
- ``cli``: ``python -m analysis``.
"""

from analysis.datasets import DataError, load

__all__ = ["DataError", "load"]
__version__ = "0.1.0"
