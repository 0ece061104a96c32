"""The built book in a real browser: figures load, numbers show, nothing leaves localhost.

Uses Debian's Chromium through Playwright (no browser download). Without Chromium the test is
skipped on a workstation, but fails under CI, where `.ci/run` installs it.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from urllib.parse import urlparse

import pytest

from analysis import audit
from analysis.audit import assessments, claims, recommendations
from analysis.book.execute import toc_documents
from analysis.chapters import military

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


PAGES = [f"{page}.html" for page in toc_documents()]  # the offline check covers every page


@pytest.fixture(scope="module")
def server(built_book):
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required under CI (Debian package 'chromium')")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _outside(requests) -> list[str]:
    """The requests that left this machine."""
    return [u for u in requests if urlparse(u).hostname not in ("127.0.0.1", None) and not u.startswith("data:")]


def _visit(browser, url, width=1280):
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="networkidle")
    return page, requests, errors


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("path", PAGES)
def test_pages_load_offline_without_errors(server, browser, path, width):
    page, requests, errors = _visit(browser, f"{server}/{path}", width=width)
    outside = _outside(requests)
    assert outside == [], f"requests leaving localhost: {outside}"
    assert errors == [], f"console errors: {errors}"
    broken = page.evaluate(
        "Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)"
    )
    assert broken == []
    page.close()


def test_chapter_shows_both_charts_and_the_glued_numbers(server, browser):
    page, _, _ = _visit(browser, f"{server}/chapters/02_military.html")
    widths = page.evaluate("Array.from(document.querySelectorAll('figure img')).map(i => i.naturalWidth)")
    assert len(widths) >= 2 and all(w > 0 for w in widths)
    text = page.inner_text("main")
    ratio = military.ratio(military.spending("current_usd_m", first=2005, last=2023))
    year, value = military.peak(military.arms_flow("RUS", "CHN"))
    assert f"{ratio[2023]:.1f} times Russia’s" in text
    assert f"{value:,.0f} million TIV" in text and str(year) in text
    assert "Chart F5, regenerated" in text
    page.close()


def test_economy_chapter_draws_every_chart_and_its_verdicts(server, browser):
    page, _, _ = _visit(browser, f"{server}/chapters/01_economy.html")
    alts = page.evaluate("Array.from(document.querySelectorAll('figure img')).map(i => [i.alt, i.naturalWidth])")
    assert len(alts) >= 6 and all(width > 0 and len(alt) > 40 for alt, width in alts)  # alt text says what is drawn
    text = page.inner_text("main")
    for cid in ("C04", "C10", "C11"):
        assert f"Verdict: {claims.evaluate(cid).verdict}" in " ".join(text.split()), cid
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_pages_read_at_phone_width(server, browser, path):
    """At 390 px nothing pushes the page sideways: charts shrink to the screen, wide tables scroll in their box."""
    page, _, _ = _visit(browser, f"{server}/{path}", width=390)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page is {overflow} px wider than the screen"
    too_wide = page.evaluate(
        "Array.from(document.querySelectorAll('figure img'))"
        ".filter(i => i.getBoundingClientRect().width > window.innerWidth).map(i => i.alt)"
    )
    assert too_wide == []
    page.close()


def _visible(page, selector):
    return next(h for h in page.query_selector_all(selector) if h.is_visible())


def test_on_a_phone_the_menu_opens_and_a_chapter_can_be_reached(server, browser):
    page, _, errors = _visit(browser, f"{server}/chapters/01_economy.html", width=390)
    _visible(page, ".primary-toggle").click()
    page.wait_for_timeout(300)
    assert page.evaluate("document.getElementById('pst-primary-sidebar-modal').open")
    page.locator("#pst-primary-sidebar-modal a", has_text="military relationship").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/chapters/02_military.html") and errors == []
    _visible(page, ".secondary-toggle").click()  # the page's contents
    page.wait_for_timeout(300)
    assert page.evaluate("document.getElementById('pst-secondary-sidebar-modal').open")
    page.close()


def test_on_a_desktop_the_menu_button_collapses_and_restores_the_sidebar(server, browser):
    page, _, _ = _visit(browser, f"{server}/chapters/01_economy.html", width=1366)
    width = lambda selector: page.evaluate(f"document.querySelector('{selector}').getBoundingClientRect().width")  # noqa: E731
    sidebar, article = width("#pst-primary-sidebar"), width(".bd-article")
    assert sidebar > 200
    _visible(page, ".primary-toggle").click()
    page.wait_for_timeout(300)
    assert width("#pst-primary-sidebar") == 0 and width(".bd-article") > article
    _visible(page, ".primary-toggle").click()
    page.wait_for_timeout(300)
    assert width("#pst-primary-sidebar") == sidebar
    page.close()


def test_the_home_page_opens_with_the_audit_s_result(server, browser):
    page, _, errors = _visit(browser, f"{server}/index.html", width=390)
    text = " ".join(page.inner_text("main").split())
    counts = audit.verdict_counts(audit.claims_table())
    readings = audit.scorecard()["reading"].value_counts()
    assert (
        f"Of the report’s {int(counts.sum())} headline claims, the book’s data reproduce {counts['reproduced']}" in text
    )
    assert f"differ from {counts['differs']} and contradict {counts['contradicted']}" in text
    assert f"the data support {readings.get('supported', 0)}, qualify {readings.get('qualified', 0)}" in text
    assert text.index("What the data say") < text.index("How to read it")
    findings = page.evaluate("Array.from(document.querySelectorAll('ul.key-findings li')).map(li => li.textContent)")
    assert len(findings) == len(audit.key_findings()) >= 5 and errors == []
    page.close()


def _contrast(foreground: str, background: str) -> float:
    def luminance(css):
        r, g, b = (int(x) / 255 for x in re.findall(r"\d+", css)[:3])
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    "path", ["index.html", "chapters/appendices/claims_audit.html", "chapters/04_recommendations.html"]
)
def test_every_link_to_a_claim_or_assessment_lands_on_its_box(server, browser, path):
    page, _, _ = _visit(browser, f"{server}/{path}", width=1366)
    links = page.evaluate(
        "Array.from(document.querySelectorAll('main a.reference.internal, main ul.key-findings a'))"
        ".map(a => a.href).filter(h => /#(claim-[cx]\\d\\d|na\\d+)$/.test(h))"
    )
    if path == "index.html":
        expected = len(audit.key_findings())
    elif "audit" in path:
        expected = len(claims.registry()) + len(assessments.registry())
    else:
        expected = len({na for r in recommendations.registry() for na in r["rests_on"]})
    assert len({link.split("#")[1] for link in links}) == expected
    targets = {}
    for link in sorted(set(links)):
        url, anchor = link.split("#")
        if url not in targets:
            page.goto(url, wait_until="networkidle")
            targets[url] = set(page.evaluate("Array.from(document.querySelectorAll('[id]')).map(e => e.id)"))
        assert anchor in targets[url], link
    page.close()


def test_verdicts_and_readings_are_badges_with_their_word_and_enough_contrast(server, browser):
    page, _, _ = _visit(browser, f"{server}/chapters/appendices/claims_audit.html", width=1366)
    badges = page.evaluate(
        "Array.from(document.querySelectorAll('main .sd-badge'))"
        ".map(b => [b.textContent.trim(), getComputedStyle(b).color, getComputedStyle(b).backgroundColor])"
    )
    words = {w for w, _, _ in badges}
    assert {"reproduced", "differs", "supported", "qualified"} <= words
    for word, fg, bg in badges:
        assert _contrast(fg, bg) >= 4.5, (word, fg, bg)
    page.close()


def test_the_cell_that_drew_a_chart_opens_when_its_link_is_followed(server, browser):
    page, _, errors = _visit(browser, f"{server}/chapters/02_military.html", width=1366)
    link = page.locator("a", has_text="the cell that drew it").first
    target = link.get_attribute("href").lstrip("#")
    assert not page.evaluate(f"document.getElementById('{target}').querySelector('details').open")
    link.click()
    page.wait_for_timeout(300)
    assert page.evaluate(f"document.getElementById('{target}').querySelector('details').open") and errors == []
    page.close()


def test_on_a_phone_each_claim_of_the_audit_reads_as_a_card(server, browser):
    page, _, _ = _visit(browser, f"{server}/chapters/appendices/claims_audit.html", width=390)
    tables = page.evaluate(
        "Array.from(document.querySelectorAll('.audit-cards table'))"
        ".map(t => [t.scrollWidth, t.clientWidth, t.querySelectorAll('td[data-label]').length])"
    )
    assert len(tables) == 6  # three scorecards, and the provenance folded under each
    for scroll, width, labelled in tables:
        assert scroll <= width + 1 and labelled > 0  # no sideways scroll; each cell names its column
    display = page.evaluate("getComputedStyle(document.querySelector('.audit-cards tbody tr')).display")
    assert display == "block"
    page.close()


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("path", PAGES)
def test_no_page_shows_a_raw_dataframe(server, browser, path, width):
    page, _, _ = _visit(browser, f"{server}/{path}", width=width)
    assert page.evaluate("document.querySelectorAll('table.dataframe').length") == 0
    headers = page.evaluate("Array.from(document.querySelectorAll('table.book-table th')).map(th => th.textContent)")
    assert not [h for h in headers if "_" in h], headers  # headers in words, not column names
    page.close()


def test_every_button_has_a_name_and_a_focus_ring(server, browser):
    page, _, _ = _visit(browser, f"{server}/chapters/02_military.html", width=1366)
    nameless = page.evaluate(
        "Array.from(document.querySelectorAll('button'))"
        ".filter(b => !(b.getAttribute('aria-label') || b.getAttribute('title') || b.innerText.trim()))"
        ".map(b => b.className)"
    )
    assert nameless == []
    button = _visible(page, ".primary-toggle")
    button.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    ring = page.evaluate("[document.activeElement.tagName, getComputedStyle(document.activeElement).outlineStyle]")
    assert ring[1] != "none", ring
    page.close()


# Chart text as shown: the smallest text drawn on the rendition the browser chose (in CSS px at
# the drawn scale, from analysis.figures.layout), times the scale at which the page shows it.
DISPLAYED_TEXT = """() => Array.from(document.querySelectorAll('img.chart')).map(i => {
    const phone = i.currentSrc.includes('-phone');
    const drawn = parseFloat(phone ? i.dataset.phoneSmallestTextPx : i.dataset.smallestTextPx);
    return {alt: i.alt.slice(0, 40), phone: phone, scale: i.clientWidth / i.naturalWidth,
            px: drawn * i.clientWidth / i.naturalWidth};
})"""


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("path", PAGES)
def test_chart_text_is_at_least_9_css_px_as_displayed(server, browser, path, width):
    page, _, _ = _visit(browser, f"{server}/{path}", width=width)
    charts = page.evaluate(DISPLAYED_TEXT)
    drawn = page.evaluate("document.querySelectorAll('figure img').length")
    assert len(charts) == drawn, "every chart on the page is served with its renditions"
    if re.match(r"chapters/0[0-3]_", path):
        assert charts
    for chart in charts:
        assert chart["phone"] == (width < 600), chart  # the phone's rendition below 600 px, the page's above
        assert chart["px"] >= 9, chart
    page.close()


def test_the_text_size_check_fails_on_a_chart_shown_too_small(server, browser):
    page, _, _ = _visit(browser, f"{server}/chapters/01_economy.html", width=1366)
    page.add_style_tag(content="img.chart { width: 55% !important; }")  # as the charts were shown before
    assert min(chart["px"] for chart in page.evaluate(DISPLAYED_TEXT)) < 9
    page.close()


def test_a_tap_on_a_chart_opens_it_at_full_size(server, browser):
    page, _, _ = _visit(browser, f"{server}/chapters/02_military.html", width=390)
    shown = page.evaluate("document.querySelector('img.chart').clientWidth")
    page.click("a.chart-full")
    page.wait_for_load_state()
    assert page.url.endswith(".png")
    full = page.evaluate("document.images[0].naturalWidth")
    assert full >= 4 * shown  # the page's chart at twice the screen density
    page.close()


def _explorable_lists():
    from analysis.chapters import exercises, governance, meetings

    return {  # page: (rows in the list, a word to filter by, the latest date in its first column)
        "chapters/00_introduction.html": (meetings.contacts(), "Moscow", meetings.contacts()["date_start"].max()),
        "chapters/02_military.html": (exercises.events(), "Vostok", exercises.events()["start_date"].max()),
        "chapters/03_governance.html": (governance.vetoes(), "Syria", governance.vetoes()["date"].max()),
    }


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize(
    "path", ["chapters/00_introduction.html", "chapters/02_military.html", "chapters/03_governance.html"]
)
def test_long_source_lists_can_be_filtered_and_sorted_offline(server, browser, path, width):
    import pandas as pd

    rows, word, latest = _explorable_lists()[path]
    page, requests, errors = _visit(browser, f"{server}/{path}", width=width)
    page.wait_for_selector("div.dt-container table.explorable")
    assert f"of {len(rows)} entries" in page.inner_text("div.dt-container .dt-info")
    if width < 600:  # a card per row, each cell under its column's name, nothing to scroll sideways
        shape = page.evaluate(
            "(() => { const t = document.querySelector('table.explorable');"
            " return [getComputedStyle(t.querySelector('tbody tr')).display, t.scrollWidth - t.clientWidth,"
            " getComputedStyle(t.querySelector('tbody td'), '::before').content]; })()"
        )
        assert shape[0] == "block" and shape[1] <= 1 and len(shape[2]) > 2, shape
    page.fill("div.dt-container .dt-search input", word)
    shown = page.evaluate("Array.from(document.querySelectorAll('table.explorable tbody tr')).map(r => r.innerText)")
    assert shown and all(word.lower() in r.lower() for r in shown), shown[:3]
    assert "filtered from" in page.inner_text("div.dt-container .dt-info")
    page.fill("div.dt-container .dt-search input", "")
    header = page.locator("table.explorable thead th").first
    for _ in range(3):  # the first column (a date), latest first: each click turns the order
        if header.get_attribute("aria-sort") == "descending":
            break
        header.click()
        page.wait_for_timeout(200)
    assert header.get_attribute("aria-sort") == "descending"
    cells = page.evaluate(
        "Array.from(document.querySelectorAll('table.explorable tbody tr td:first-child')).map(td => td.innerText)"
    )
    first = next(c for c in cells if c.strip() != "—")  # the rows without a date aside
    assert first.strip() == pd.Timestamp(latest).strftime("%Y-%m-%d")[: len(first.strip())]
    outside = _outside(requests)
    assert outside == [] and errors == []
    page.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_the_data_catalogue_shows_each_dataset_s_fields_as_a_table(server, browser, width):
    from analysis import datasets

    page, _, _ = _visit(browser, f"{server}/chapters/appendices/data_catalogue.html", width=width)
    sections = page.evaluate(
        "Array.from(document.querySelectorAll('main section section')).map(s => [s.querySelectorAll('table').length, s.innerText.includes('|---|')])"
    )
    assert len(sections) == len(datasets.names())
    assert all(tables >= 1 and not raw for tables, raw in sections), sections
    page.close()


def test_the_data_catalogue_lists_every_dataset_in_its_contents_panel(server, browser):
    from analysis import datasets

    page, _, _ = _visit(browser, f"{server}/chapters/appendices/data_catalogue.html", width=1366)
    listed = page.evaluate(
        "Array.from(document.querySelectorAll('#pst-page-toc-nav a.nav-link')).map(a => a.innerText)"
    )
    assert [name.split(":")[0] for name in listed] == datasets.names()
    target = page.evaluate("document.querySelector('#pst-page-toc-nav a.nav-link').getAttribute('href')")
    assert page.evaluate(f"document.getElementById('{target[1:]}').tagName") == "SECTION"
    page.close()


def test_the_audit_s_scorecards_fit_a_laptop_screen_and_fold_their_provenance(server, browser):
    page, _, _ = _visit(browser, f"{server}/chapters/appendices/claims_audit.html", width=1366)
    overflow = page.evaluate(
        "Array.from(document.querySelectorAll('.audit-cards table'))"
        ".filter(t => t.offsetParent !== null).map(t => t.scrollWidth - t.clientWidth)"
    )
    assert overflow and max(overflow) <= 1, overflow  # no sideways scrolling in a visible scorecard
    headers = page.evaluate(
        "Array.from(document.querySelector('.audit-cards table').querySelectorAll('th')).map(t => t.innerText)"
    )
    assert headers[:5] == ["id", "claim", "the report", "the data", "verdict"]
    folded = page.evaluate("Array.from(document.querySelectorAll('details')).map(d => d.innerText.split('\\n')[0])")
    assert any("sources behind each claim" in f for f in folded)
    page.close()
