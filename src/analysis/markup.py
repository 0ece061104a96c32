"""Text on its way to a page: the one place where it is escaped, and the one Markdown table writer.

A page is MyST Markdown: a backtick, a brace or a pipe in a value taken from ``data/`` or a
registry would start a role, a substitution or a new column. :func:`escape` makes any text
literal, and :func:`md_table` writes every cell through it.
"""

from __future__ import annotations

import re

_MYST_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~$^&:=-])")


def escape(text) -> str:
    """Text as MyST shows it literally: every character that could start markup is escaped
    (white space, line breaks included, collapsed to single spaces)."""
    return _MYST_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def md_table(header, rows, raw: tuple[str, ...] = ()) -> str:
    """A Markdown table: ``header`` (column names) and ``rows`` (sequences of cells), every cell
    escaped, but for the columns named in ``raw``, whose cells the caller built as markup."""
    header = list(header)
    keep = {i for i, name in enumerate(header) if name in raw}

    def line(cells) -> str:
        return "| " + " | ".join(str(c) if i in keep else escape(c) for i, c in enumerate(cells)) + " |"

    return "\n".join([line(header), "|" + "---|" * len(header), *(line(r) for r in rows)])
