"""Verdicts across choices, graded sources, the two 'not' labels, the bibliography and the
links from each verdict to its rule."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from analysis import audit, paths
from analysis.audit import claims, robustness
from analysis.audit.claims import COMPUTED, NOT_OBTAINED, NOT_TESTABLE
from analysis.book import bibliography
from analysis.evidence import grading
from analysis.evidence import verdicts as verdicts_module


def test_tolerances_are_tried_one_step_tighter_and_looser():
    _, entry = robustness.entry("C03")
    labels = [c.label for c in robustness.choices(entry)]
    assert labels[0] == robustness.BOOK_CHOICE
    assert "tolerance_pp 5 (tighter)" in labels and "tolerance_pp 20 (looser)" in labels


def test_the_grid_reevaluates_under_each_choice():
    grid = robustness.grid("C17")
    assert list(grid["choice"]) == [robustness.BOOK_CHOICE, "one veto per vetoed text"]
    by_text = claims.evaluate("C17", by="text").verdict
    assert grid.loc[grid["choice"] == "one veto per vetoed text", "outcome"].item() == by_text


def test_summary_says_robust_or_which_choices_agree():
    assert str(robustness.Robustness(3, 3, ("a", "b", "c"))) == "robust: 3 of 3 choices"
    text = str(robustness.Robustness(2, 4, (robustness.BOOK_CHOICE, "since 2022")))
    assert text.startswith("depends on the choice: 2 of 4") and "since 2022" in text
    assert str(robustness.Robustness(1, 1, (robustness.BOOK_CHOICE,))).endswith("1 of 1")


def edit_registry(path, items: str, item_id: str, change) -> None:
    """Apply ``change`` to one entry of a registry file (``items``: 'claims' or 'assessments')."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(next(e for e in doc[items] if e["id"] == item_id))
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")


def test_a_choice_naming_an_unknown_parameter_is_refused(data_copy):
    edit_registry(
        data_copy / "claims.yaml",
        "claims",
        "C17",
        lambda e: e["choices"].append({"label": "by month", "parameters": {"by_month": True}}),
    )
    with pytest.raises(ValueError, match=r"C17: choice 'by month' sets parameter\(s\) \['by_month'\]"):
        robustness.grid("C17")


def test_a_computed_entry_must_say_why_its_choice(data_copy):
    edit_registry(data_copy / "claims.yaml", "claims", "C03", lambda e: e.pop("why_this_choice"))
    with pytest.raises(ValueError, match="C03.*why_this_choice"):
        claims.registry()


def test_a_rule_must_say_what_would_contradict_it(data_copy):
    from analysis.audit import assessments

    edit_registry(data_copy / "assessments.yaml", "assessments", "NA8", lambda e: e.pop("would_contradict"))
    with pytest.raises(ValueError, match="NA8.*would_contradict"):
        assessments.registry()


def test_every_computed_claim_has_a_robustness_count():
    table = audit.claims_table()
    computed = table[table["verdict"].isin(COMPUTED)]
    assert computed["robustness"].str.fullmatch(r"\d+ of \d+").all()
    assert (table.loc[~table["verdict"].isin(COMPUTED), "robustness"] == "no rule to vary").all()


def test_the_two_not_labels_are_distinct_and_each_says_why():
    untestable = verdicts_module.not_testable("C99", "x", "a column", "every public series of x")
    unobtained = verdicts_module.not_obtained("C99", "x", "a column", "the yearly bulletin of x")
    assert untestable.verdict == NOT_TESTABLE != unobtained.verdict == NOT_OBTAINED
    assert "Searched without result: every public series of x" in untestable.detail
    assert "The public source that would test it: the yearly bulletin of x" in unobtained.detail
    verdicts = {e["id"]: claims.evaluate(e["id"]) for e in claims.registry()}
    without = [v for v in verdicts.values() if v.verdict not in COMPUTED]
    assert len([v for v in without if v.id.startswith("C")]) <= 3, [v.id for v in without]
    for v in without:
        assert v.verdict in (NOT_TESTABLE, NOT_OBTAINED), v.id
        assert re.search(
            r"Searched without result|source that would test it|bulletin|no figure for", v.detail + v.computed
        ), v.id


def test_reproduced_never_rests_on_opinion_or_blog_alone():
    for entry in claims.registry():
        if claims.evaluate(entry["id"]).verdict == "reproduced" and entry.get("datasets"):
            kinds = grading.kinds_behind(entry)
            assert kinds, entry["id"]
            assert grading.strongest(kinds) != "opinion or blog", entry["id"]


def test_every_source_of_the_descriptor_is_graded():
    from analysis import datasets

    for name in datasets.names():
        for source in datasets.resource(name).get("sources", []):
            kind = source.get("source_kind")
            assert kind == grading.PER_ROW or kind in grading.SOURCE_KINDS, (name, source.get("title"))
            if kind == grading.PER_ROW:
                assert "source_kind" in datasets.load(name).columns, name


def test_an_unknown_source_kind_is_named():
    with pytest.raises(ValueError, match="'a tweet' is not one of"):
        grading.rank("a tweet")


def test_book_bib_is_the_descriptor_written_out():
    assert bibliography.book_bib_file().read_text(encoding="utf-8") == bibliography.book_bib(), (
        "bibliography/book.bib is stale: run `python -m analysis data bibliography`"
    )


def test_the_report_bib_holds_the_91_endnotes_and_claims_cite_them():
    keys = re.findall(r"^@\w+\{([^,]+),", bibliography.report_bib_file().read_text(encoding="utf-8"), re.M)
    assert keys == [f"report-n{i:02d}" for i in range(1, 92)]
    for entry in claims.registry():
        assert "report_notes" in entry, entry["id"]
        assert all(1 <= int(n) <= 91 for n in entry["report_notes"]), entry["id"]


def test_every_rule_is_on_the_methods_page():
    page = (paths.HOME.root / "chapters/appendices/methods.md").read_text(encoding="utf-8")
    from analysis.audit import assessments

    for entry in claims.registry() + assessments.registry():
        if entry.get("evaluate") and entry["evaluate"] not in claims.UNCOMPUTED:
            assert f".. autofunction:: {audit.rule_function(entry)}" in page, entry["id"]


def test_the_line_under_a_box_escapes_registry_text():
    md = audit.audit_md("C16")
    assert "{py:func}`analysis.chapters.meetings.evaluate_c16`" in md and "{cite:p}`data-xi_putin_contacts`" in md
    assert audit.escape("a *b* {doc}`x`") == r"a \*b\* \{doc\}\`x\`"


def test_claims_robustness_prints_the_grid():
    out = subprocess.run(
        [sys.executable, "-m", "analysis", "claims", "--robustness"],
        capture_output=True,
        text=True,
        cwd=paths.HOME.root,
        check=True,
    ).stdout
    for entry in claims.registry():
        if claims.evaluate(entry["id"]).verdict in COMPUTED:
            assert re.search(rf"^{entry['id']}  .*\d+ of \d+", out, re.M), entry["id"]
    assert re.search(r"^NA15  ", out, re.M)
