"""The pages of the audit, as built: every claim and assessment once, the counts computed, each
recommendation's basis shown, each box linked to its rule and its citations."""

from __future__ import annotations

import re

import pytest

from analysis import audit
from analysis.audit import assessments, claims, recommendations

pytestmark = pytest.mark.build


def _rows(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", m).strip() for m in re.findall(r"<tr[^>]*>\s*<td[^>]*>(.*?)</td>", html, re.S)]


def test_every_claim_and_assessment_appears_once_in_the_appendix(built_book):
    html = (built_book / "chapters/appendices/claims_audit.html").read_text(encoding="utf-8")
    html = html.split('id="robustness-across-choices"')[0]  # the grid below repeats the ids
    scorecards = _rows(re.sub(r"<details.*?</details>", "", html, flags=re.S))  # provenance is folded
    folded = _rows("".join(re.findall(r"<details.*?</details>", html, re.S)))
    for entry in claims.registry() + assessments.registry():
        assert scorecards.count(entry["id"]) == 1, entry["id"]
        assert folded.count(entry["id"]) == 1, entry["id"]


def test_the_summary_counts_are_the_computed_ones(built_book):
    text = re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", (built_book / "chapters/appendices/claims_audit.html").read_text(encoding="utf-8")),
    )
    counts = audit.verdict_counts(audit.claims_table())
    assert re.search(rf"reproduced, {counts['reproduced']} ?;", text)
    assert re.search(rf"not testable with public data, {counts['not testable with public data']} ?;", text)
    assert re.search(rf"not tested, source not obtained, {counts['not tested: source not obtained']} ?\.", text)


def test_the_recommendations_page_shows_each_basis(built_book):
    text = (built_book / "chapters/04_recommendations.html").read_text(encoding="utf-8")
    for entry in recommendations.registry():
        for na in entry["rests_on"]:
            assert f">{na}<" in text or f"> {na} <" in text or f"<td>{na}</td>" in text, (entry["id"], na)


def test_each_box_links_to_its_rule_and_citations(built_book):
    html = (built_book / "chapters/03_governance.html").read_text(encoding="utf-8")
    assert 'href="appendices/methods.html#analysis.chapters.governance.evaluate_c22"' in html
    assert re.search(r'href="appendices/references.html#[^"]+"', html)
    refs = (built_book / "chapters/appendices/references.html").read_text(encoding="utf-8")
    assert refs.count('class="citation"') >= 91 or len(re.findall(r'id="report-n\d\d"', refs)) == 91 or "n91" in refs
