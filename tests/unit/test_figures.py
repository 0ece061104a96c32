"""House style and the deterministic save of charts."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from analysis import figures, paths
from analysis.figures import layout


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
    assert fig.book_sources == ["Source: a test."]
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
    assert (
        '<a href="https://example.org/a?b=1&amp;c=2" title="https://example.org/a?b=1&amp;c=2">example.org</a>' in html
    )
    assert "<script>" not in html and "&lt;script&gt;" in html and "—" in html


def _two_panels(entries: int = 4):
    fig, (left, right) = figures.new("wide", ncols=2)
    for i in range(entries):
        left.plot([2000, 2010, 2020], [i, i + 1, i + 2], label=f"series number {i}")
    left.legend(loc="upper left")
    right.bar([2000, 2010, 2020], [3, 1, 2])
    left.set_title("A title long enough that it has to wrap on a phone's narrow screen", fontsize=11)
    figures.source_line(left, "Source: a test.")
    return fig, left, right


def test_a_chart_is_drawn_for_the_page_and_for_a_phone_with_legible_text(tmp_path):
    import json

    from PIL import Image

    fig, _, _ = _two_panels()
    files = figures.save(fig, "two", pd.DataFrame({"a": [1]}), out_dir=tmp_path)
    matplotlib.pyplot.close(fig)
    sizes = json.loads((tmp_path / "two.renditions.json").read_text(encoding="utf-8"))
    assert sizes["page"]["width"] == round(layout.PAGE.inches * layout.SCREEN_DPI)
    assert sizes["phone"]["width"] == round(layout.PHONE.inches * layout.SCREEN_DPI)
    assert sizes["phone"]["height"] > sizes["page"]["height"]  # the panels stacked
    for name, drawn, density in [("page", "page", 1), ("phone", "phone", 1), ("phone@2x", "phone", 2)]:
        size = Image.open(tmp_path / f"two-{name}.png").size
        assert size == (sizes[drawn]["width"] * density, sizes[drawn]["height"] * density), name
    assert Image.open(files["png"]).size == (sizes["page"]["width"] * 2, sizes["page"]["height"] * 2)
    assert min(sizes["page"]["smallest_text_px"], sizes["phone"]["smallest_text_px"]) >= 9


def test_on_a_phone_panels_stack_titles_wrap_and_a_long_legend_goes_under_them():
    fig, left, right = _two_panels()
    layout.fit(fig, layout.PHONE, "footer")
    fig.draw_without_rendering()
    assert right.get_position().y1 < left.get_position().y0  # one above the other
    assert left.get_legend() is None and len(fig.legends) == 1
    assert "\n" in left.get_title("left")
    assert layout.smallest_text(fig) >= layout.SMALLEST_TEXT
    matplotlib.pyplot.close(fig)
    fig, left, _ = _two_panels(entries=2)  # a short legend stays where it was drawn
    layout.fit(fig, layout.PHONE, "footer")
    assert left.get_legend() is not None and not fig.legends
    matplotlib.pyplot.close(fig)


def test_every_image_says_its_source_licence_and_citation_under_the_chart_as_editable_text(tmp_path):
    fig, _, _ = _two_panels()
    files = figures.save(fig, "two", pd.DataFrame({"a": [1]}), out_dir=tmp_path)
    footer = " ".join(fig._book_footer.get_text().split())
    matplotlib.pyplot.close(fig)
    assert footer.startswith("Source: a test.") and "CC BY 4.0" in footer and footer.endswith("chart two.")
    svg = files["svg"].read_text(encoding="utf-8")
    assert "<text" in svg and "Source: a test." in svg.split("</metadata>")[1]  # in the drawing, as text


def test_categories_never_take_a_country_s_colour():
    colours = figures.category_colours(["a", "b", "c", "d", "e", "Other"])
    assert not set(colours.values()) & set(figures.PALETTE.values())
    assert colours["Other"] == figures.style.OTHER
    with pytest.raises(ValueError, match="6 categories"):
        figures.category_colours(list("abcdef"))


def test_the_largest_categories_are_kept_and_the_rest_summed():
    wide = pd.DataFrame({"a": [1.0, 1.0], "b": [5.0, 5.0], "c": [3.0, 2.0], "Other": [1.0, 1.0]}, index=[1, 2])
    kept = figures.largest(wide, 2)
    assert list(kept.columns) == ["b", "c", "Other"]
    assert kept["Other"].tolist() == [2.0, 2.0]  # a and the old Other
    assert kept.sum().sum() == wide.sum().sum()


def test_a_line_does_not_bridge_a_gap_in_the_data():
    series = pd.Series([1.0, 2.0, 3.0], index=pd.to_datetime(["2022-01-01", "2022-02-01", "2024-01-01"]))
    broken = figures.broken_at_gaps(series, pd.Timedelta(days=400))
    assert len(broken) == 4 and broken.isna().sum() == 1
    assert broken.index[2] > pd.Timestamp("2022-02-01") and broken.index[2] < pd.Timestamp("2024-01-01")
    assert broken.dropna().equals(series)


def test_a_map_frames_the_countries_it_colours():
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    outlines = pd.DataFrame(
        [(iso, 0, 0, x + dx, y) for iso, dx in [("AAA", 0), ("BBB", 100)] for x, y in square],
        columns=["iso3", "part", "ring", "lon", "lat"],
    )
    fig, ax = figures.new("wide")
    figures.world_map(ax, outlines, {"AAA": "#CC79A7"})
    assert ax.get_xlim() == (-12, 22)
    matplotlib.pyplot.close(fig)


def test_the_data_plotted_are_rounded_to_four_significant_figures_and_named_for_readers(tmp_path):
    import json

    fig, _, _ = _chart()
    data = pd.DataFrame({"tiv_m": [42.789953651000005, 0.187123], "year": [2020, 2021]})
    files = figures.save(fig, "chart", data, out_dir=tmp_path)
    matplotlib.pyplot.close(fig)
    assert files["csv"].read_text(encoding="utf-8").splitlines() == ["tiv_m,year", "42.79,2020", "0.1871,2021"]
    about = json.loads(files["json"].read_text(encoding="utf-8"))
    assert about["tableSchema"]["columns"][0]["titles"] == "Tiv m"
    assert "| Tiv m | Year |" in figures.values_table(files["csv"])


def test_a_subtitle_sits_between_its_title_and_its_panel_at_both_widths():
    fig, ax = figures.new("full", title="A title that states what the chart shows, long enough to wrap on a phone")
    figures.subtitle(ax, "US$ billion a year, as the reporter declares it, with the units and what is counted")
    ax.plot([2000, 2020], [1, 2])
    for width in (layout.PAGE, layout.PHONE):
        layout.fit(fig, width, "footer")
        fig.draw_without_rendering()
        title = layout._title(ax).get_window_extent()
        note = ax._book_subtitle.get_window_extent()
        panel = ax.get_window_extent()
        assert title.y0 >= note.y1 - 1 and note.y0 >= panel.y1, width.name  # stacked, none over another
        assert abs(note.x0 - title.x0) < 1, width.name  # flush left with its title
    matplotlib.pyplot.close(fig)
