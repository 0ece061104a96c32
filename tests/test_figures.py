"""House style and the deterministic save of charts."""

from __future__ import annotations

import matplotlib
import pandas as pd

from analysis import figures


def _chart():
    fig, ax = figures.new("full", title="test")
    wide = pd.DataFrame({"CHN": [1.0, 2.0, 3.0], "RUS": [1.0, 1.5, 1.2]}, index=[2020, 2021, 2022])
    figures.line_chart(ax, wide, "US$ billion")
    figures.source_line(ax, "Source: a test.")
    return fig, ax, wide


def test_save_is_byte_for_byte_reproducible(tmp_path):
    outputs = []
    for run in ("a", "b"):
        fig, _, wide = _chart()
        files = figures.save(fig, "chart", wide.reset_index(), out_dir=tmp_path / run)
        matplotlib.pyplot.close(fig)
        outputs.append({ext: p.read_bytes() for ext, p in files.items()})
    assert outputs[0] == outputs[1]
    assert outputs[0]["png"][:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in outputs[0]["svg"] and b"Date" not in outputs[0]["svg"]
    assert outputs[0]["csv"].decode().splitlines()[0] == "index,CHN,RUS"


def test_countries_keep_their_colours_and_charts_carry_a_source():
    fig, ax, _ = _chart()
    lines = {line.get_label(): line.get_color() for line in ax.get_lines()}
    assert lines == {"China": figures.PALETTE["CHN"], "Russia": figures.PALETTE["RUS"]}
    assert len(set(figures.PALETTE.values())) == len(figures.PALETTE)
    assert any(t.get_text() == "Source: a test." for t in ax.texts)
    assert tuple(fig.get_size_inches()) == figures.SIZES["full"]
    matplotlib.pyplot.close(fig)
