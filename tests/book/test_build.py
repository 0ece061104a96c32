"""The book builds, never modifies data/, never shows a stale number, and fails on bad data."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys

import pytest

from analysis import audit, datasets, paths
from analysis.audit import assessments, claims
from analysis.chapters import military
from conftest import data_digest, edit_csv, run

pytestmark = pytest.mark.build


def page_text(html_file) -> str:
    text = re.sub(r"<[^>]+>", " ", html_file.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", html.unescape(text))


def test_the_book_builds_with_every_page(built_book):
    for page in ("index", "chapters/02_military", "chapters/appendices/data_catalogue", "chapters/01_economy"):
        assert (built_book / f"{page}.html").exists(), page
    chapter = (built_book / "chapters/02_military.html").read_text(encoding="utf-8")
    images = re.findall(r'<img[^>]+src="([^"]+\.png)"', chapter)
    assert len(images) >= 2, "F5 and the arms-transfer chart should be on the chapter page"
    for src in images:
        assert (built_book / "chapters" / src).resolve().exists(), src


def test_glued_numbers_on_the_page_are_the_computed_ones(built_book):
    text = page_text(built_book / "chapters/02_military.html")
    ratio = military.ratio(military.spending("current_usd_m", first=2005, last=2023))
    year, value = military.peak(military.arms_flow("RUS", "CHN"))
    assert f"times Russia’s, against {ratio[2005]:.1f} times" in text
    assert f"{ratio[2023]:.1f} times Russia’s" in text
    assert f"peaked in {year} at {value:,.0f} million TIV" in text


def test_every_claim_and_assessment_shows_its_computed_verdict_on_its_page(built_book):
    def squash(text):  # glued values sit in their own elements: compare without whitespace
        return re.sub(r"\s+", "", text).replace("’", "'").replace("‘", "'")

    def box(entry):  # the box labelled with the entry's anchor, up to the next box
        page = (built_book / f"{entry['chapter']}.html").read_text(encoding="utf-8")
        start = page.index(f'id="{audit.anchor(entry["id"])}"')
        end = re.compile(r'<div class="[^"]*\badmonition"').search(page, start)  # the next box
        return squash(html.unescape(re.sub(r"<[^>]+>", " ", page[start : end.start() if end else None])))

    for entry in claims.registry():
        text, v = box(entry), claims.evaluate(entry["id"])
        assert squash(f"Verdict: {v.verdict}") in text, entry["id"]
        assert squash(v.computed) in text and squash(v.detail) in text, entry["id"]
    for entry in assessments.registry():
        text, r = box(entry), assessments.read(entry["id"])
        assert squash(f"Reading: {r.reading}") in text and squash(r.evidence) in text, entry["id"]


def test_every_chart_offers_its_image_and_data_for_download(built_book):
    charts = sorted(p.stem for p in paths.HOME.figures.glob("*.csv"))
    assert charts, "the build should have drawn charts"
    pages = {p: p.read_text(encoding="utf-8") for p in (built_book / "chapters").rglob("*.html")}
    for chart in charts:
        links = {
            ext: [
                (page, href)
                for page, text in pages.items()
                for href in re.findall(
                    rf'class="reference download internal" download="" href="([^"]+/{chart}\.{ext})"', text
                )
            ]
            for ext in ("png", "svg", "csv", "csv-metadata.json")
        }
        for ext, found in links.items():
            assert found, f"no {ext} download for chart {chart}"
            page, href = found[0]
            served = (page.parent / href).resolve()
            assert served.read_bytes() == (paths.HOME.figures / f"{chart}.{ext}").read_bytes(), served


def test_every_chart_is_served_for_the_page_and_for_a_phone_at_two_densities(built_book):
    import json

    from PIL import Image

    charts = sorted(p.stem for p in paths.HOME.figures.glob("*.csv"))
    pages = "".join(p.read_text(encoding="utf-8") for p in (built_book / "chapters").glob("0*.html"))
    for chart in charts:
        sizes = json.loads((paths.HOME.figures / f"{chart}.renditions.json").read_text(encoding="utf-8"))
        markup = re.search(rf'<a class="chart-full" href="[^"]*chart-{chart}-full\.png".*?</picture></a>', pages, re.S)
        assert markup, chart
        assert re.search(
            rf'<source media="\(max-width: 600px\)" srcset="[^"]*chart-{chart}-phone\.png 1x, [^"]*chart-{chart}-phone2x\.png 2x"',
            markup.group(0),
        ), chart
        assert re.search(rf'srcset="[^"]*chart-{chart}-page\.png 1x, [^"]*chart-{chart}-full\.png 2x"', markup.group(0))
        for name, width in [("page", "page"), ("phone", "phone"), ("full", "page"), ("phone2x", "phone")]:
            image = Image.open(built_book / "_images" / f"chart-{chart}-{name}.png")
            density = 2 if name in ("full", "phone2x") else 1
            assert image.size == (sizes[width]["width"] * density, sizes[width]["height"] * density), (chart, name)
        assert sizes["page"]["width"] <= 741 and sizes["phone"]["width"] <= 342  # the text column at 1366 and 390 px


def test_every_chart_links_to_the_cell_that_drew_it_and_folds_its_values(built_book):
    import csv

    for page in (built_book / "chapters").rglob("*.html"):
        if page.name == "data_catalogue.html":  # its downloads are the tables of data/, not charts
            continue
        text = page.read_text(encoding="utf-8")
        charts = {p.stem for p in paths.HOME.figures.glob("*.csv")}
        for chart in (c for c in re.findall(r'download="" href="[^"]+/([^/"]+)\.csv"', text) if c in charts):
            assert f'href="#code-{chart}"' in text, (page.name, chart)
            cell = re.search(rf'id="code-{chart}">(.*?)</pre>', text, re.S)
            assert cell and f'publish(fig, "{chart}"' in html.unescape(re.sub(r"<[^>]+>", "", cell.group(1))), (
                page.name,
                chart,
            )
            rows = list(csv.reader((paths.HOME.figures / f"{chart}.csv").open(encoding="utf-8")))
            after = text[text.index(f"/{chart}.csv") :]
            folded = re.search(rf"Values plotted \({len(rows) - 1} rows\).*?</table>", after, re.S)
            assert folded, (page.name, chart)
            cells = [
                html.unescape(c).replace("’", "'").replace("‘", "'")  # Sphinx's smart quotes
                for c in re.findall(r"<t[hd][^>]*>(?:<p>(.*?)</p>)?</t[hd]>", folded.group(0))
            ]
            from analysis.figures.output import readable

            header = [readable(c).replace("’", "'") for c in rows[0]]
            assert cells == header + [c for row in rows[1:] for c in row], (page.name, chart)


def test_no_page_is_left_unwritten(built_book):
    for page in built_book.rglob("*.html"):
        assert "Not yet written" not in page.read_text(encoding="utf-8"), page


def test_a_no_op_rebuild_leaves_the_tree_clean(built_book):
    before = subprocess.run(
        ["git", "-C", str(paths.HOME.root), "status", "--porcelain"], capture_output=True, text=True
    ).stdout
    digest = data_digest(paths.HOME.root)
    result = run([sys.executable, "-m", "analysis", "build", "--quiet"], cwd=paths.HOME.root)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Nothing changed since the last build" in result.stdout
    assert data_digest(paths.HOME.root) == digest
    after = subprocess.run(
        ["git", "-C", str(paths.HOME.root), "status", "--porcelain"], capture_output=True, text=True
    ).stdout
    assert after == before


def _build(copy, env):
    return run([sys.executable, "-m", "analysis", "build", "--quiet"], cwd=copy, extra_env=env)


def _ratio_on_page(copy) -> str:
    text = page_text(copy / "_build/html/chapters/02_military.html")
    m = re.search(r"China’s spending was (\d+\.\d) times Russia’s", text)
    assert m, "the 2023 ratio sentence is missing from the page"
    return m.group(1)


def test_a_data_change_is_never_hidden_by_the_cache(project_copy):
    copy, env = project_copy
    first = _build(copy, env)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    old_ratio = _ratio_on_page(copy)
    # China's 2023 spending, current US$, doubled in the copy's table
    table = copy / "data" / datasets.resource("military_expenditure")["path"]
    lines = table.read_text().splitlines()
    line = next(i for i, t in enumerate(lines, 1) if t.startswith("CHN,China,2023,current_usd_m,"))
    old = edit_csv(table, line, "value", f"{2 * float(lines[line - 1].split(',')[4]):.6f}")
    rehash = run([sys.executable, "-m", "analysis", "data", "rehash"], cwd=copy, extra_env=env)
    assert rehash.returncode == 0 and "military_expenditure" in rehash.stdout, rehash.stderr
    second = _build(copy, env)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    # only the pages that read the table run again; the others keep their cached outputs
    assert "executed chapters/02_military.ipynb" in second.stdout
    assert "executed chapters/appendices/claims_audit.ipynb" in second.stdout  # it evaluates every claim
    assert "chapters/01_economy.ipynb" not in second.stdout
    assert "chapters/00_introduction.ipynb" not in second.stdout
    new_ratio = _ratio_on_page(copy)
    assert float(new_ratio) == pytest.approx(2 * float(old_ratio), abs=0.11), (old, old_ratio, new_ratio)
    # a page's own text is an input too: editing it rebuilds, a build with nothing new does not
    assert "Nothing changed" in _build(copy, env).stdout
    index = copy / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nA sentence added to the front page.\n", encoding="utf-8")
    third = _build(copy, env)
    assert "Executing" not in third.stdout and "A sentence added to the front page." in page_text(
        copy / "_build/html/index.html"
    )


def test_corrupt_data_fails_the_build_naming_file_line_and_column(project_copy):
    copy, env = project_copy
    table = copy / "data" / datasets.resource("arms_transfers")["path"]
    before = table.read_bytes()
    edit_csv(table, 9, "tiv_m", "many")
    corrupted = table.read_bytes()
    result = _build(copy, env)
    assert result.returncode != 0
    assert "arms_transfers.csv" in result.stderr and "line 9" in result.stderr and "column 'tiv_m'" in result.stderr
    assert table.read_bytes() == corrupted  # nothing in data/ is rewritten or lost
    table.write_bytes(before)


def test_a_notebook_that_raises_fails_the_build(project_copy):
    import nbformat

    copy, env = project_copy
    path = copy / "chapters" / "02_military.ipynb"
    before = path.read_bytes()
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell('raise RuntimeError("a deliberate failure")'))
    nbformat.write(nb, path)
    try:
        result = _build(copy, env)
        assert result.returncode != 0
        assert "a deliberate failure" in result.stdout + result.stderr
    finally:
        path.write_bytes(before)


def test_a_second_build_of_one_checkout_waits_for_the_first(project_copy):
    import fcntl
    import subprocess
    import time

    copy, env = project_copy
    (copy / "_build").mkdir(exist_ok=True)
    with open(copy / "_build" / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a build is running
        other = subprocess.Popen(
            [sys.executable, "-m", "analysis", "build", "--quiet"],
            cwd=copy,
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(3)
        assert other.poll() is None, "the second build must wait, not fail"
    out, err = other.communicate(timeout=600)
    assert other.returncode == 0, out[-2000:] + err[-2000:]
    assert "Another build of this checkout is running: waiting" in err


def test_a_quiet_build_still_says_why_sphinx_failed(project_copy):
    copy, env = project_copy
    page = copy / "chapters" / "appendices" / "reproduce.md"
    before = page.read_text(encoding="utf-8")
    page.write_text(before + "\nSee {doc}`a page that does not exist </chapters/nowhere>`.\n", encoding="utf-8")
    try:
        result = _build(copy, env)
        assert result.returncode != 0
        assert "WARNING" in result.stderr and "nowhere" in result.stderr
    finally:
        page.write_text(before, encoding="utf-8")


def test_the_search_index_holds_the_prose_not_the_code(built_book):
    import json

    text = (built_book / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    terms = index["terms"]
    assert not terms.get("set_ylim") and not terms.get("glue_valu")  # words of the code cells only
    assert terms.get("asymmetri") or terms.get("asymmetry")  # the prose is searchable
