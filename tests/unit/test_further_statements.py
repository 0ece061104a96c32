"""The report's further statements (X01-X30): each rule reaches more than one verdict, and the
command line and the audit keep them apart from the headline claims."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from analysis import audit, load
from analysis.audit import claims
from analysis.chapters import governance_statements, military_statements, trade_statements, un_votes


def test_at_least_fifteen_statements_are_registered_and_evaluated():
    further = claims.evaluate_all("X")
    assert len(further) >= 15 and further["id"].str.match(r"X\d{2}$").all()
    assert further["verdict"].isin(claims.COMPUTED).sum() >= 14
    assert not claims.evaluate_all("C")["id"].str.startswith("X").any()


@pytest.mark.parametrize(
    "func, default, other, kwargs",
    [
        (un_votes.evaluate_x01, "differs", "reproduced", {"high_pct": 70}),
        (
            un_votes.evaluate_x02,
            "differs",
            "reproduced",
            {"condemnations": ("ES-11/1", "ES-11/4", "ES-11/6", "68/262")},
        ),
        (trade_statements.evaluate_x03, "reproduced", "differs", {"small_pct": 3}),
        (trade_statements.evaluate_x04, "reproduced", "differs", {"rise_pp": 10}),
        (trade_statements.evaluate_x18, "differs", "reproduced", {"flat_pp": 5}),
        (military_statements.evaluate_x12, "contradicted", "reproduced", {"stated_year": 2023}),
        (military_statements.evaluate_x14, "differs", "reproduced", {"gain_pp": 0.5}),
        (governance_statements.evaluate_x22, "differs", "reproduced", {"first": 2022}),
        (governance_statements.evaluate_x24, "reproduced", "differs", {"high_usd_bn": 30}),
    ],
)
def test_each_rule_can_reach_another_verdict(func, default, other, kwargs):
    assert func().verdict == default
    assert func(**kwargs).verdict == other


def _votes_with(**change):
    d = load("un_named_votes").copy()
    for column, (symbol, value) in change.items():
        d.loc[d["symbol"] == symbol, column] = value
    return d


def test_a_chinese_veto_beside_russia_on_ukraine_contradicts_x02():
    assert un_votes.evaluate_x02(data=_votes_with(china_vote=("S/2022/720", "against"))).verdict == "contradicted"


def test_a_chinese_vote_against_non_recognition_contradicts_x21():
    assert un_votes.evaluate_x21().verdict == "reproduced"
    assert un_votes.evaluate_x21(data=_votes_with(china_vote=("A/RES/68/262", "against"))).verdict == "contradicted"


def test_x09_needs_a_split_vote_for_each_situation():
    assert un_votes.evaluate_x09().verdict == "reproduced"
    d = load("un_named_votes")
    without_somalia = d[~d["subject"].str.contains("Somalia")]
    v = un_votes.evaluate_x09(data=without_somalia)
    assert v.verdict == "differs" and "none found for Somalia" in v.computed


def test_x13_reads_each_dating_on_its_own_terms():
    v = governance_statements.evaluate_x13()
    assert v.verdict == "differs" and "Aug 2023" in v.computed
    assert governance_statements.evaluate_x13(intro_year=2022).verdict == "contradicted"


def test_x07_names_the_register_s_deliveries_to_russia():
    v = military_statements.evaluate_x07()
    flows = load("arms_transfers")
    recent = flows[(flows.supplier == "CHN") & (flows.recipient == "RUS") & (flows.year >= 2022)]["tiv_m"].sum()
    assert (v.verdict == "reproduced") == (recent == 0)
    assert f"since 2022: {recent:g} m TIV" in v.computed


def test_the_crude_share_says_which_years_are_derived():
    table = trade_statements.crude_share()
    derived = table[table["basis"] != "published"]
    assert not derived.empty
    d = load("economy_published_figures")
    y = int(derived.index[0])
    russia = d[(d.indicator == "china_crude_imports_from_russia") & (d.year == y)]["value"].iloc[-1]
    total = d[(d.indicator == "china_crude_imports_total") & (d.year == y)]["value"].iloc[-1]
    assert table.at[y, "share_pct"] == pytest.approx(100 * russia / total)


def test_the_command_line_keeps_the_statements_apart():
    out = subprocess.run(
        [sys.executable, "-m", "analysis", "claims", "--only", "X", "--format", "csv"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    ids = pd.read_csv(pd.io.common.StringIO(out))["id"]
    assert ids.str.startswith("X").all() and len(ids) >= 15


def test_the_audit_has_a_second_table():
    further = audit.claims_table("X")
    assert further["id"].str.startswith("X").all()
    assert set(further.columns) >= {"robustness", "weakest source"}
