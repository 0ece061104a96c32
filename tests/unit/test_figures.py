"""House style and the deterministic save of charts."""

from __future__ import annotations

import matplotlib
import pandas as pd

from analysis import figures, paths


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


def test_years_without_data_are_labelled_not_drawn():
    fig, ax = figures.new("wide")
    wide = pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0]}, index=[2018, 2019])
    figures.stacked_by_year(ax, wide, range(2017, 2021))
    labels = [t for t in ax.texts if t.get_text() == "no data"]
    assert sorted(t.xy[0] for t in labels) == [2017, 2020]
    assert len(ax.patches) == 4  # two years × two layers
    matplotlib.pyplot.close(fig)


def test_download_links_point_at_the_three_files_from_the_book_root(tmp_path, monkeypatch):
    monkeypatch.delenv("ANALYSIS_PAGE_ROOT", raising=False)
    inside = {ext: paths.HOME.figures / f"chart.{ext}" for ext in ("png", "svg", "csv")}
    text = figures.download_links(inside)
    assert text.count("{download}") == 3
    assert "</_build/figures/chart.png>" in text and "</_build/figures/chart.csv>" in text
    outside = {ext: tmp_path / f"chart.{ext}" for ext in ("png", "svg", "csv")}
    assert f"<{(tmp_path / 'chart.svg').as_posix()}>" in figures.download_links(outside)


def test_every_file_of_a_chart_says_what_it_is_where_it_comes_from_and_how_to_cite_it(tmp_path):
    import json

    from PIL import Image

    fig, _, wide = _chart()
    files = figures.save(fig, "chart", wide.reset_index(), out_dir=tmp_path)
    matplotlib.pyplot.close(fig)
    png = Image.open(files["png"]).text
    assert png["Title"] == "test" and png["Source"] == "Source: a test." and "CC BY 4.0" in png["Copyright"]
    assert png["Description"].endswith("chart chart.") and "reproduced" in png["Description"]
    svg = files["svg"].read_text(encoding="utf-8")
    assert "<dc:title>test</dc:title>" in svg and "Source: a test." in svg and "CC BY 4.0" in svg
    about = json.loads(files["json"].read_text(encoding="utf-8"))
    assert about["url"] == "chart.csv" and about["dc:source"] == "Source: a test."
    assert [c["name"] for c in about["tableSchema"]["columns"]] == ["index", "CHN", "RUS"]
    assert [c["datatype"] for c in about["tableSchema"]["columns"]] == ["integer", "number", "number"]
    assert "Cite this chart:" in figures.download_links(files)


def test_a_table_for_readers_escapes_rounds_links_and_shows_gaps():
    from analysis.page import table

    frame = pd.DataFrame(
        {
            "as_of": ["2024-01-31"],
            "value": [42.789953651000005],
            "address": ["https://example.org/a?b=1&c=2"],
            "note": ["<script>alert(1)</script>"],
            "count": pd.array([None], dtype="Int64"),
        },
        index=[7],
    )
    html = table(frame, decimals={"value": 1})._repr_html_()
    assert "<th>As of</th>" in html and ">7<" not in html  # headers in words, no index
    assert "42.8" in html and "42.789" not in html
    assert '<a href="https://example.org/a?b=1&amp;c=2">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html and "—" in html
