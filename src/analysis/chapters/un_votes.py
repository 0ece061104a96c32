"""Chapter 3 §2, how China and Russia vote in the UN: the report's further statements X01, X02,
X09 and X21.

``un_named_votes`` holds both countries' votes on the texts the report names (Russia's vetoes
on Ukraine and Georgia, the General Assembly's texts on the war, the split and joint votes it
lists); ``unga_agreement`` the share of identical votes in the General Assembly; ``unsc_vetoes``
every veto. Each function states what would make the report's sentence hold.
"""

from __future__ import annotations

import pandas as pd

from analysis.chapters.governance import agreement, lone, vetoes
from analysis.datasets import load
from analysis.evidence.verdicts import NOT_OBTAINED, Verdict, evaluator


def named(data: pd.DataFrame | None = None) -> pd.DataFrame:
    """The named votes, oldest first."""
    d = (load("un_named_votes") if data is None else data).copy()
    d["date"] = pd.to_datetime(d["date"])
    return d.sort_values(["date", "body"], ignore_index=True)


def label(row) -> str:
    """'UNSC, 30 Sep 2022 (S/2022/720)': a vote as the book names it."""
    symbol = f" ({row['symbol']})" if isinstance(row["symbol"], str) and row["symbol"] else ""
    return f"{row['body']}, {row['date']:%d %b %Y}{symbol}"


@evaluator
def evaluate_x01(
    window=(2010, 2019),
    high_pct: float = 80.0,
    since: str = "2000-01-01",
    data: pd.DataFrame | None = None,
    veto_data: pd.DataFrame | None = None,
) -> Verdict:
    """X01: China and Russia vote together closely in the UN, above all in the Security Council.

    Reproduced if, over ``window``, China and Russia cast the same vote in at least ``high_pct`` %
    of the General Assembly's roll calls, and more often than either votes with the United States."""
    wide = agreement(data).loc[window[0] : window[1]]
    mean = wide.mean()
    pair, usa = mean["CHN-RUS"], max(mean["CHN-USA"], mean["RUS-USA"])
    v = vetoes(veto_data)
    russian = v[(v["member"] == "RUS") & (v["date"] >= pd.Timestamp(since))]
    joined = int((~russian["alone"]).sum())
    ok = pair >= high_pct and pair > usa
    return Verdict(
        "X01",
        "reproduced" if ok else "differs",
        '"high" alignment, above all in the Security Council',
        f"General Assembly {window[0]}–{int(wide.index.max())}: same vote in {pair:.0f} % of roll calls (with the "
        f"United States at most {usa:.0f} %); Security Council since {since[:4]}: China joined {joined} of Russia's "
        f"{len(russian)} vetoes",
        f"Reproduced if the two agree in at least {high_pct:g} % of the Assembly's roll calls and more than either "
        "agrees with the United States. The Council's full roll calls are not in the book, so 'above all in the "
        "Security Council' is read only from the vetoes, which show where they part: a veto Russia casts alone.",
    )


UKRAINE_GEORGIA = r"Ukrain|Crimea|Georgia|MH17|UNOMIG|Abkhaz|referendum|aggression"


@evaluator
def evaluate_x02(
    condemnations=("ES-11/1", "ES-11/2", "ES-11/3", "ES-11/4", "ES-11/5", "ES-11/6", "ES-11/7", "68/262"),
    data: pd.DataFrame | None = None,
) -> Verdict:
    """X02: China never joined Russia's vetoes on Ukraine or Georgia, voted with it on one failed
    draft, and abstained on the texts that condemned the war, in the Council and the Assembly.

    Three checks on the named votes: China never voted against a Ukraine or Georgia draft Russia
    vetoed; exactly one failed draft had both votes in favour; China abstained (did not vote
    against) on every General Assembly text in ``condemnations``."""
    everything = named(data)
    d = everything[everything["subject"].str.contains(UKRAINE_GEORGIA)]
    council = d[(d["body"] == "UNSC") & (d["outcome"] == "vetoed")]
    joined = council[council["china_vote"] == "against"]
    failed_together = d[
        (d["outcome"] == "failed") & (d["china_vote"] == "in favour") & (d["russia_vote"] == "in favour")
    ]
    symbols = everything["symbol"].fillna("").str.replace(r"^A/RES/", "", regex=True)
    assembly = everything[(everything["body"] == "UNGA") & symbols.isin(condemnations)]
    against = assembly[assembly["china_vote"] == "against"]
    checks = [joined.empty, len(failed_together) == 1, against.empty]
    verdict = "reproduced" if all(checks) else ("contradicted" if not checks[0] else "differs")
    return Verdict(
        "X02",
        verdict,
        "no joint veto on Ukraine or Georgia; one failed draft together; abstention on condemnations",
        f"Council: China joined {len(joined)} of Russia's {len(council)} vetoes on Ukraine and Georgia and abstained on "
        f"{int((council['china_vote'] == 'abstain').sum())}; failed drafts backed by both: {len(failed_together)}; "
        f"Assembly: China abstained on {int((assembly['china_vote'] == 'abstain').sum())} of the {len(assembly)} texts "
        f"on the war and voted against {len(against)}"
        + (f" ({'; '.join(label(r) for _, r in against.iterrows())})" if len(against) else ""),
        "Each check must hold for a reproduced verdict. The texts China voted against suspended Russia from the Human "
        "Rights Council and called for reparations: the report's 'abstained' holds for the condemnations of the "
        "invasion and of the annexations, not for every Assembly text on the war.",
    )


SITUATIONS = ("Sudan", "Central African Republic|CAR ", "Mali", "Libya", "Somalia")


@evaluator
def evaluate_x09(data: pd.DataFrame | None = None, veto_data: pd.DataFrame | None = None) -> Verdict:
    """X09: the two voted apart on Sudan, the Central African Republic, Mali, Libya and Somalia,
    Russia vetoed the Mali sanctions alone, and China alone abstained on lifting sanctions on
    Syria's new leaders.

    Reproduced if each situation has at least one split vote (one in favour, the other abstaining
    or against) among the named votes, the Mali veto was Russia's alone, and the Syria delisting
    has China abstaining while Russia voted in favour."""
    d = named(data)
    split = d[(d["china_vote"] != d["russia_vote"]) & d["china_vote"].notna() & d["russia_vote"].notna()]
    found, missing = [], []
    for situation in SITUATIONS:
        hits = split[split["subject"].str.contains(situation)]
        name = situation.split("|")[0]
        (found if len(hits) else missing).append(f"{name} ({label(hits.iloc[0])})" if len(hits) else name)
    mali = lone("RUS", "2023-01-01", veto_data)
    mali_alone = mali["subject"].str.contains("Mali").any()
    syria = d[d["subject"].str.contains("Syria") & d["subject"].str.contains("elist")]
    syria_ok = (
        bool(len(syria)) and (syria["china_vote"] == "abstain").all() and (syria["russia_vote"] == "in favour").all()
    )
    ok = not missing and mali_alone and syria_ok
    return Verdict(
        "X09",
        "reproduced" if ok else "differs",
        "split votes on Sudan, the CAR, Mali, Libya, Somalia; China alone on Syria",
        f"split votes found: {'; '.join(found) or 'none'}"
        + (f"; none found for {', '.join(missing)}" if missing else "")
        + f"; Mali veto by Russia alone: {'yes' if mali_alone else 'no'}; Syria delisting, China abstaining and Russia "
        f"in favour: {'yes' if syria_ok else 'no'}",
        "The first split vote of each situation is named; the table of named votes gives the others. Libya's split is "
        "the 2020 resolution on the Berlin conference: on the 2011 no-fly zone both abstained.",
    )


@evaluator
def evaluate_x21(data: pd.DataFrame | None = None) -> Verdict:
    """X21: China never recognised Russia's annexations in Ukraine or Georgia's breakaway regions.

    Votes cannot prove recognition, but they can contradict it: contradicted if China ever voted
    against a General Assembly text on the territorial integrity of Ukraine or on the return of
    Georgia's displaced people; reproduced if it never did on the votes whose China line is seen."""
    d = named(data)
    d = d[(d["report_case"] == "X21")]
    seen = d[d["china_vote"].notna()]
    if seen.empty:
        return Verdict("X21", NOT_OBTAINED, "never recognised", "no vote of China found on these texts")
    against = seen[seen["china_vote"] == "against"]
    return Verdict(
        "X21",
        "contradicted" if len(against) else "reproduced",
        "never recognised the annexations or the breakaway regions",
        f"China on {len(seen)} of {len(d)} texts whose vote was found: "
        + ", ".join(f"{v} {n}" for v, n in seen["china_vote"].value_counts().items())
        + f"; never against. Russia against all {int((d['russia_vote'] == 'against').sum())} whose vote was found",
        "An abstention is not recognition, and China's statements also count; the votes say only that China never "
        "sided with Russia against these texts. Pages disagree on China's vote on the Georgia texts of 2024 and 2025 "
        "(abstained, or did not vote); neither is a vote against.",
    )
