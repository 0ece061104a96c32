"""A chart laid out for the width at which a page shows it.

Each chart is drawn twice: for the text column of a desktop page (:data:`PAGE`: the column is
741 CSS px wide in a 1366 px window) and for a phone (:data:`PHONE`: 342 CSS px in a 390 px
window), panels side by side on the first and stacked on the second. Both are drawn at
:data:`SCREEN_DPI` dots per inch, so one pixel of the 1x image is one CSS pixel as shown, and
text of *p* points shows at *p* × 100 / 72 CSS px (7.5 pt: 10.4 px). The page serves each at
twice that density too (``srcset``).

Under the panels, every chart carries its footer: the source of its data, the licence and
how to cite it (:func:`fit`), so a copied image still says where it comes from.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from matplotlib.gridspec import GridSpec
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter, FixedLocator, MaxNLocator

SCREEN_DPI = 100
FOOTER_SIZE = 7.5  # points
SUBTITLE_SIZE = 9  # points
SMALLEST_TEXT = 7.5  # points: no text of a chart is drawn smaller (10.4 CSS px at the drawn scale)


@dataclass(frozen=True)
class Width:
    """One width a chart is drawn for: its name, inches at :data:`SCREEN_DPI`, whether panels
    side by side are stacked, and the least and most height of a stacked panel."""

    name: str
    inches: float
    stack: bool
    panel_heights: tuple[float, float] = (3.0, 4.2)


PAGE = Width("page", 7.4, stack=False)
PHONE = Width("phone", 3.4, stack=True)


def panels(fig) -> list:
    """The figure's panels (axes on a grid), left to right."""
    return [ax for ax in fig.axes if ax.get_subplotspec() is not None]


def _texts(fig) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def smallest_text(fig) -> float:
    """The size in points of the smallest text drawn on the figure (after a draw)."""
    return min(t.get_fontsize() for t in _texts(fig))


def _wrap(text: str, inches: float, points: float, bold: bool = False) -> str:
    """``text`` wrapped to lines that fit ``inches`` at ``points`` (DejaVu Sans averages about
    0.55 em a character, more in bold)."""
    per_line = max(12, int(inches * 72 / (points * (0.68 if bold else 0.55))))
    return "\n".join(textwrap.wrap(text, per_line, break_on_hyphens=False))


def _original(artist, attribute: str, value):
    """The first value ``attribute`` had, kept on the artist, so a chart can be laid out again."""
    if not hasattr(artist, attribute):
        setattr(artist, attribute, value)
    return getattr(artist, attribute)


def _title(ax) -> Text:
    """The panel's left-hand title, the one the house style uses (``axes.titlelocation``)."""
    return ax._left_title  # matplotlib keeps no public handle on it; ax.title is the centred one


def subtitle(ax, text: str) -> None:
    """A line under the panel's title, in normal weight: the units, and what is counted."""
    ax._book_subtitle = ax.annotate(
        text,
        xy=(0, 0),
        xycoords=_title(ax),
        xytext=(0, -4),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=SUBTITLE_SIZE,
        color="#444444",
    )
    ax._book_subtitle_text = text
    _make_room(ax)


def _make_room(ax) -> None:
    """Set the title's distance from the panel so its subtitle fits between them."""
    note = getattr(ax, "_book_subtitle", None)
    if note is None:
        return
    lines = note.get_text().count("\n") + 1
    title = _title(ax)
    ax.set_title(
        title.get_text(), loc="left", pad=lines * note.get_fontsize() * 1.25 + 10, fontsize=title.get_fontsize()
    )


def _wrap_heading(ax, title: str, inches: float) -> None:
    """Wrap the panel's title, and its subtitle if it has one, to ``inches``."""
    _title(ax).set_text(_wrap(title, inches, _title(ax).get_fontsize(), bold=True))
    note = getattr(ax, "_book_subtitle", None)
    if note is not None:
        note.set_text(_wrap(ax._book_subtitle_text, inches, note.get_fontsize()))
        _make_room(ax)


def _head_inches(ax) -> float:
    """The height a panel's title and subtitle take beyond a title of one line."""
    title = _title(ax)
    extra = title.get_text().count("\n") * title.get_fontsize() * 1.25
    note = getattr(ax, "_book_subtitle", None)
    if note is not None:
        extra += (note.get_text().count("\n") + 1) * note.get_fontsize() * 1.25 + 6
    return extra / 72


def _stack(fig, axes) -> None:
    grid = GridSpec(len(axes), 1, figure=fig)
    for i, ax in enumerate(axes):
        ax.set_subplotspec(grid[i, 0])
        ax.tick_params(labelleft=True)


def _thin_ticks(ax, inches: float) -> None:
    """No more labelled ticks on the x axis than fit in ``inches`` (a fixed list keeps every
    n-th, a tick locator asks for fewer)."""
    locator, formatter = ax.xaxis.get_major_locator(), ax.xaxis.get_major_formatter()
    size = ax.xaxis.get_major_ticks()[0].label1.get_fontsize() if ax.xaxis.get_major_ticks() else SMALLEST_TEXT
    if isinstance(locator, FixedLocator):
        labels = formatter.seq if isinstance(formatter, FixedFormatter) else [f"{v:g}" for v in locator.locs]
        longest = max((len(str(label)) for label in labels), default=4)
        most = max(2, int(inches * 72 / ((longest + 2) * size * 0.6)))
        if len(locator.locs) > most:
            step = math.ceil(len(locator.locs) / most)
            kept = list(labels[::step]) if isinstance(formatter, FixedFormatter) else None
            ax.set_xticks(list(locator.locs[::step]), kept)
    elif isinstance(locator, MaxNLocator):
        locator.set_params(nbins=max(2, min(8, int(inches * 1.4))))


def _legend_below(ax):
    """A legend beside or above the panel, or a long one, comes off it on a narrow chart
    (:func:`fit` draws it under the panels, one entry a line): its handles, labels and size, or
    None when it stays."""
    legend = ax.get_legend()
    if legend is None:
        return None
    anchor = legend.get_bbox_to_anchor().transformed(ax.transAxes.inverted())
    beside = anchor.x0 >= 1 or anchor.y0 >= 1
    if not beside and len(legend.get_texts()) <= 2:
        return None
    title = getattr(ax, "_book_title", "") if len(panels(ax.figure)) > 1 else ""
    entries = legend.legend_handles, [t.get_text() for t in legend.get_texts()], legend.get_texts()[0].get_fontsize()
    entries = (*entries, title)
    legend.remove()
    return entries


def _overlapping(labels, renderer) -> bool:
    boxes = sorted(
        (t.get_window_extent(renderer) for t in labels if t.get_visible() and t.get_text()), key=lambda b: b.x0
    )
    return any(a.x1 > b.x0 - 2 for a, b in zip(boxes, boxes[1:], strict=False))


def _after_layout(fig, axes, inches: float) -> None:
    """After a first layout: start each panel's title where its labels start, wrap it to the
    room it has (up to the next panel or the figure's edge), and turn x labels that overlap."""
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    for ax in axes:
        if _overlapping(ax.get_xticklabels(), renderer):
            ax.tick_params(axis="x", labelrotation=90)
        title = getattr(ax, "_book_title", "")
        if not title:
            continue
        box = ax.get_position()
        text = _title(ax)
        text.set_visible(False)
        labels_left = max(0.0, ax.get_tightbbox(renderer).transformed(fig.transFigure.inverted()).x0)
        text.set_visible(True)
        right = min((o.get_position().x0 for o in axes if o.get_position().x0 > box.x0 + 0.01), default=1.0)
        text.set_x((labels_left - box.x0) / box.width)
        _wrap_heading(ax, title, (right - labels_left) * inches * 0.95)


def footer_text(sources: list[str], licence: str, citation: str) -> str:
    """What every chart says under its panels: its sources, its licence and how to cite it."""
    return " ".join([*sources, f"Licence: {licence}. Cite as: {citation}"])


def fit(fig, width: Width, footer: str) -> None:
    """Lay ``fig`` out for ``width``: its size, its panels (stacked on a narrow width), titles
    wrapped to the panel, no text under :data:`SMALLEST_TEXT`, and the footer under the panels."""
    axes = panels(fig)
    across = 1 if width.stack else len(axes)
    rows = max(1, len(axes)) if width.stack else 1
    if width.stack and len(axes) > 1:
        _stack(fig, axes)
    scale = 0.85 if width.stack else 1.0  # text a little smaller on a phone, never under SMALLEST_TEXT
    for text in _texts(fig):
        text.set_fontsize(max(SMALLEST_TEXT, _original(text, "_book_size", text.get_fontsize()) * scale))
    moved = []
    for ax in axes:
        ticks = ax.xaxis.get_major_ticks()
        tick = _original(ax, "_book_ticksize", ticks[0].label1.get_fontsize() if ticks else SMALLEST_TEXT)
        ax.tick_params(labelsize=max(SMALLEST_TEXT, tick * scale))
        _wrap_heading(ax, _original(ax, "_book_title", ax.get_title("left")), width.inches / across * 0.95)
        _thin_ticks(ax, width.inches / across * 0.8)
        entries = _legend_below(ax) if width.stack else None
        if entries:
            moved.append(entries)
    note = _wrap(footer, width.inches * 0.97, FOOTER_SIZE)
    footer_inches = (note.count("\n") + 1) * FOOTER_SIZE * 1.3 / 72 + 0.12
    legends = [(len(labels) + bool(title)) * size * 1.5 / 72 + 0.1 for _, labels, size, title in moved]
    footer_inches += sum(legends)
    drawn_width, drawn_height = _original(fig, "_book_inches", tuple(fig.get_size_inches()))
    heads = [_head_inches(ax) for ax in axes] or [0.0]  # titles and subtitles past one line
    if width.stack:
        low, high = width.panel_heights
        panel = min(high, max(low, width.inches * drawn_height / (drawn_width / max(1, len(axes)))))
        height = rows * panel + sum(heads) + footer_inches
    else:
        height = width.inches * drawn_height / drawn_width + max(heads) + footer_inches
    height = round(height, 2)  # whole pixels at 1x, so the 2x image is exactly twice as large
    fig.set_size_inches(width.inches, height)
    old = getattr(fig, "_book_footer", None)
    if old is not None:
        old.remove()
    fig._book_footer = fig.text(
        0.01, 0.06 / height, note, ha="left", va="bottom", fontsize=FOOTER_SIZE, color="#444444"
    )
    top = footer_inches
    for (handles, labels, size, title), room in zip(moved, legends, strict=True):
        fig.legend(
            handles,
            labels,
            loc="upper left",
            bbox_to_anchor=(0.01, top / height),
            fontsize=size,
            title=title or None,
            title_fontsize=size,
            alignment="left",
        )
        top -= room
    fig.set_layout_engine("constrained", rect=(0, footer_inches / height, 1, 1 - footer_inches / height))
    _after_layout(fig, axes, width.inches)
