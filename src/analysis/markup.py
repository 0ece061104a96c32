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


def escape_but_code(text) -> str:
    """Like :func:`escape`, but a code span (```unit```) stays a code span: its content is shown
    literally anyway, and only a pipe inside it, which would end a table cell, is escaped."""
    parts = re.split(r"(`[^`]+`)", " ".join(str(text).split()))
    return "".join(p.replace("|", "\\|") if i % 2 else _MYST_SPECIAL.sub(r"\\\1", p) for i, p in enumerate(parts))


def md_table(header, rows, raw: tuple[str, ...] = (), code: tuple[str, ...] = ()) -> str:
    """A Markdown table: ``header`` (column names) and ``rows`` (sequences of cells), every cell
    escaped, but for the columns named in ``raw``, whose cells the caller built as markup, and
    those named in ``code``, whose code spans are kept (:func:`escape_but_code`)."""
    header = list(header)

    def cell(i: int, value) -> str:
        name = header[i] if i < len(header) else None
        if name in raw:
            return str(value)
        return escape_but_code(value) if name in code else escape(value)

    def line(cells) -> str:
        return "| " + " | ".join(cell(i, c) for i, c in enumerate(cells)) + " |"

    return "\n".join([line(header), "|" + "---|" * len(header), *(line(r) for r in rows)])


_SAFE_URL = re.compile(r"https?://[^\s<>`\"'\\]+")


def link(url) -> str:
    """An address as a link, when it is a plain http(s) address; anything else as escaped text
    (a ``javascript:`` target, say, never becomes a link)."""
    url = str(url).strip()
    return f"<{url}>" if _SAFE_URL.fullmatch(url) else escape(url)


def code(text) -> str:
    """A name shown as code; text with a backtick in it, which would end the span, escaped instead."""
    text = " ".join(str(text).split())
    return f"`{text}`" if text and "`" not in text else escape(text)
