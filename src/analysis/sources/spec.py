"""How a producer's file becomes a table of ``data/``: the description each producer module
gives of its datasets (``INGESTS``), from which the command line and ``refresh`` are made."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd


class RefreshError(RuntimeError):
    """A download or refresh that cannot go on; ``data/`` is left as it was."""


@dataclass(frozen=True)
class Argument:
    """One command-line argument of ``ingest <dataset>``, as ``argparse.add_argument`` takes it."""

    flags: tuple[str, ...]
    options: dict = field(default_factory=dict)


def arg(*flags: str, **options) -> Argument:
    return Argument(flags, options)


@dataclass(frozen=True)
class Upstream:
    """How ``refresh`` re-derives a table from its producer's current file."""

    derive: Callable[[Path], pd.DataFrame]
    format: str  # what the file is, for error messages and ``refresh --list``
    vintage: Callable[[Path], str] | None = None  # the release date the file states, when it states one
    source: int = 0  # which of the dataset's sources (in the descriptor) the file comes from
    fetch: Callable[..., Path] | None = None  # several requests instead of one file
    key: str | None = None  # environment variable holding an API key, when the producer wants one
    key_help: str = ""
    pinned: Callable[[Path], bytes] | None = None  # the part of the file the sha256 covers, when not all of it
    remark: Callable[[Path], str] | None = None  # a line on the new file for the report (e.g. a series break)


@dataclass(frozen=True)
class Ingest:
    """One dataset a producer's files make: ``ingest <dataset>``'s help and arguments, the
    derivation from them, and how ``refresh`` takes a new release (``upstream``), or what the
    reader does instead when the producer has no stable file address (``by_hand``)."""

    dataset: str
    help: str
    arguments: tuple[Argument, ...]
    derive: Callable[[argparse.Namespace], pd.DataFrame]
    upstream: Upstream | None = None
    by_hand: str | None = None

    def add_to(self, subparsers) -> None:
        """Add ``ingest <dataset>`` to the command line."""
        p = subparsers.add_parser(self.dataset, help=self.help)
        for a in self.arguments:
            p.add_argument(*a.flags, **a.options)
        p.set_defaults(derive=self.derive)
