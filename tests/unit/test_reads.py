"""What a notebook read is recorded, and decides whether it runs again."""

from __future__ import annotations

from analysis import datasets
from analysis.audit import claims
from analysis.book.execute import _why_stale
from analysis.datasets import provenance as reads


def test_loaders_record_the_table_its_descriptor_entry_and_the_registries(data_copy, tmp_path, monkeypatch):
    log = tmp_path / "reads.log"
    monkeypatch.setenv(reads.ENV, str(log))
    monkeypatch.setattr(reads, "_seen", set())
    datasets.load("unsc_vetoes")
    datasets.load("unsc_vetoes")  # recorded once
    claims.registry()
    assert reads.recorded(log) == ["datapackage.yaml#unsc_vetoes", "governance/unsc_vetoes.csv", "claims.yaml"]


def test_nothing_is_recorded_outside_the_build(data_copy, tmp_path, monkeypatch):
    monkeypatch.delenv(reads.ENV, raising=False)
    monkeypatch.setattr(reads, "_seen", set())
    scratch = tmp_path / "cwd"
    scratch.mkdir()
    monkeypatch.chdir(scratch)
    datasets.load("unsc_vetoes")
    assert reads._seen == set() and list(scratch.iterdir()) == []


def test_a_notebook_runs_again_when_its_code_src_or_a_file_it_read_changed(data_copy):
    cached = object()  # a cache record: the notebook's code is unchanged
    known = {"src": "s1", "reads": {key: reads.digest(key) for key in ("claims.yaml", "datapackage.yaml#unsc_vetoes")}}
    assert _why_stale(cached, known, "s1") is None
    assert _why_stale(None, known, "s1") == "not in the cache"
    assert _why_stale(cached, None, "s1") == "no record of what it read"
    assert _why_stale(cached, known, "s2") == "src/ changed"
    (data_copy / "claims.yaml").write_text((data_copy / "claims.yaml").read_text() + "\n# edited\n")
    assert _why_stale(cached, known, "s1") == "data changed: claims.yaml"
    known["reads"]["datapackage.yaml#no_such_table"] = "0" * 64
    assert "datapackage.yaml#no_such_table" in _why_stale(cached, known, "s1")  # a table gone is a change
