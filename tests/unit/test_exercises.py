"""Chapter 2 §3: the list of joint exercises, its counting rules, and its checks against published counts."""

from __future__ import annotations

import pytest

from analysis import load
from analysis.audit import claims
from analysis.chapters import exercise_counts, exercises
from analysis.datasets import DataError
from conftest import edit_csv

LIST = "military/joint_exercises.csv"


def test_every_row_has_an_address_and_a_known_domain_and_format():
    d = load("joint_exercises")
    assert d["evidence_url"].str.match(r"https?://").all()
    assert set(d["domain"]) <= {
        "land",
        "naval",
        "air",
        "missile defence",
        "strategic command-staff",
        "joint naval patrol",
        "joint air patrol",
        "combined arms",
        "disaster relief",
        "cyber",
    }
    assert set(d["format"]) <= {"bilateral", "multilateral", "large multinational"}
    later_phases = d[d["part_of"].notna()]
    assert later_phases["part_of"].isin(d["name"]).all()  # a phase points at an exercise of the list


@pytest.mark.parametrize(
    "column, value, words",
    [("domain", "space", "enum"), ("evidence_url", "", "required"), ("start_date", "12 May 2015", "pattern")],
)
def test_a_bad_row_is_named_with_file_line_and_column(data_copy, column, value, words):
    edit_csv(data_copy / LIST, line=4, column=column, value=value)
    with pytest.raises(DataError) as err:
        load("joint_exercises")
    msg = str(err.value)
    assert "joint_exercises.csv" in msg and "line 4" in msg and f"column '{column}'" in msg and words in msg


def test_counting_rules_nest_and_phases_count_once():
    d = load("joint_exercises")
    core, narrow, large, broad = (
        len(exercises.counted(r))
        for r in ("exercises and patrols", "exercises only", "with large multinational drills", "every joint activity")
    )
    assert narrow < core < large < broad
    multinational = exercises.counted("with large multinational drills")
    assert set(multinational["format"]) - set(exercises.counted()["format"]) == {"large multinational"}
    assert broad == len(d) - d["part_of"].notna().sum()
    with pytest.raises(ValueError, match="counting rule"):
        exercises.counted("drills")


def test_per_year_fills_empty_years_with_zero():
    counts = exercises.per_year(years=range(2003, 2012))
    d = exercises.counted()
    assert counts[2004] == 0 and counts[2005] == (d["year"] == 2005).sum()
    assert counts.sum() == d["year"].between(2003, 2011).sum()


def test_every_published_count_agrees_under_a_rule_or_is_explained():
    table = exercise_counts.against_published()
    published = load("military_published_figures")
    n = published["indicator"].isin(["joint_exercises_cumulative", "joint_exercises_in_year"]).sum()
    assert len(table) == n
    for row in table.itertuples():
        assert row[table.columns.get_loc("agrees under") + 1] or row[table.columns.get_loc("why they differ") + 1], (
            row.published
        )


def test_nearest_rules_bracket_a_count_no_rule_gives():
    counts = {
        "exercises and patrols": 34,
        "exercises only": 30,
        "with large multinational drills": 45,
        "every joint activity": 72,
    }
    assert (
        exercise_counts.nearest(53, counts)
        == "between 45 (with large multinational drills) and 72 (every joint activity)"
    )
    assert exercise_counts.nearest(80, counts) == "above every rule; nearest 72 (every joint activity)"
    assert exercise_counts.nearest(20, counts) == "below every rule; nearest 30 (exercises only)"
    csis = exercise_counts.against_published().query("period == '2005–2021'").iloc[0]
    assert csis["nearest rules"].startswith("between")


def test_coverage_by_period_adds_up_to_the_whole():
    table = exercise_counts.by_period().set_index("period")
    parts = table.loc[["2005–2008", "2009–2012", "2013–2016", "2017–2021"]].sum()
    assert (parts == table.loc["2005–2021"]).all()
    assert (table["exercises only"] <= table["every joint activity"]).all()


def _before(name: str, rule: str, leave_out=()) -> int:
    d = exercises.counted(rule)
    start = d.loc[d["name"] == name, "start_date"].iloc[0]
    kept = d[~d["name"].str.startswith(tuple(leave_out))] if leave_out else d
    return int((kept["start_date"] <= start).sum())


def test_the_explanations_hold_on_the_list():
    # China Daily: Peace Mission 2013 is the ninth event once the two 2009 drills the list adds are set aside
    assert _before("Peace Mission 2013", "exercises only", ("Peace Blue Shield", "Norak")) == 9
    # NDU's six in 2022 are the list's events of that year without the anti-piracy drill Peaceful Sea-2022
    d = exercises.counted()
    assert len(d[(d.year == 2022) & ~d["name"].str.startswith("Peaceful Sea")]) == 6


def test_agrees_reads_the_hedge():
    assert exercise_counts.agrees(36, "more than", 40) and not exercise_counts.agrees(36, "", 40)
    assert exercise_counts.agrees(6, "", 6)


def test_milestones_checked_by_hand():
    m = exercises.milestones().set_index("milestone")
    assert m.at["first joint exercise", "first_event"] == "Peace Mission-2005"
    assert m.at["a Russian strategic exercise with the PLA", "first_year"] == 2018
    assert m.at["missile defence", "first_event"].startswith("Aerospace Security-2016")


def test_c23_checks_move_with_the_list():
    before = claims.evaluate("C23")
    d = load("joint_exercises")
    d = d[~d["name"].str.startswith(("Peace Blue Shield", "Norak"))]
    params = {k: v for k, v in claims.claim("C23")["parameters"].items()}
    after = exercises.evaluate_c23(data=d, **params)
    assert "naval exercises: report 2012, list 2012" in after.computed
    assert int(after.detail.split(" of ")[0]) == int(before.detail.split(" of ")[0]) + 1


def test_c25_follows_nato_counts():
    assert claims.evaluate("C25").verdict == "reproduced"
    pub = load("military_published_figures").copy()
    pub.loc[pub.indicator == "nato_exercises", "value"] = 6.0
    assert exercises.evaluate_c25(published_data=pub).verdict == "differs"


def test_na8_follows_the_contested_flags():
    assert exercises.read_na8().reading == "supported"
    d = load("joint_exercises").copy()
    d.loc[d["year"] >= 2021, "contested_area"] = "no"
    assert exercises.read_na8(data=d).reading == "contradicted"
