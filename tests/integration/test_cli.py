"""`python -m analysis`: each command does what its help says."""

from __future__ import annotations

import json

import pytest

from analysis import cli, datasets
from registers import PER_DEAL, PER_YEAR


def test_data_validate_passes_on_the_books_data(capsys):
    assert cli.main(["data", "validate"]) == 0
    out = capsys.readouterr().out
    assert all(f"{name}: ok" in out for name in datasets.names())


def test_claims_as_json_lists_every_registered_claim(capsys):
    assert cli.main(["claims", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["id"] for r in rows} >= {"C03", "C06", "C07", "C24"}
    assert all(r["verdict"] for r in rows)


def test_ingest_writes_the_named_table_and_its_checksum(data_copy, tmp_path, capsys):
    (tmp_path / "per_year.csv").write_text(PER_YEAR, encoding="utf-8")
    (tmp_path / "per_deal.csv").write_bytes(PER_DEAL.encode("latin-1"))
    code = cli.main(
        [
            "ingest",
            "arms_transfers",
            "--per-year",
            str(tmp_path / "per_year.csv"),
            "--per-deal",
            str(tmp_path / "per_deal.csv"),
        ]
    )
    assert code == 0 and "arms_transfers.csv" in capsys.readouterr().out
    table = datasets.load("arms_transfers")  # the new checksum is recorded, so this validates
    assert table["year"].min() == 1990 and table["register"].iloc[0] in ("2025-01-03", "2026-05-18")


def _commands(parser, prefix=()):
    """Every command and sub-command of a parser, as argument lists."""
    import argparse

    yield list(prefix)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*prefix, name))


def test_every_command_has_help(capsys):
    commands = list(_commands(cli.parser()))
    assert ["run"] in commands and ["ingest", "unsc_vetoes"] in commands and len(commands) > 15
    for argv in commands:
        with pytest.raises(SystemExit) as exit_:
            cli.main([*argv, "--help"])
        assert exit_.value.code == 0, argv
        out = capsys.readouterr().out
        assert out.startswith("usage: python -m analysis") and len(out.splitlines()) > 3, argv


def test_figures_lists_each_chart_with_its_checksum(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ANALYSIS_FIGURES_DIR", str(tmp_path))
    assert cli.main(["figures"]) == 1  # nothing built yet
    (tmp_path / "chart.png").write_bytes(b"png")
    (tmp_path / "chart.csv").write_text("a\n1\n")
    assert cli.main(["figures"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and out[1].startswith(datasets.sha256(tmp_path / "chart.png"))
