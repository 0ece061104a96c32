"""Text from data never becomes markup: hostile strings in every free-text column of every
hand-compiled table and in every text field of the registries, a book built from them in a
scratch copy, and none of them live on any page, no file from outside the project copied in."""

from __future__ import annotations

import re
import shutil
import sys

import pytest
import yaml

from conftest import IGNORE, ROOT, run

pytestmark = pytest.mark.build

HOSTILE = (
    " <script>alert(1)</script> {download}`leak </../../../etc/hostname>` {{ substitution }}"
    " [x](javascript:alert(1)) <!-- hostile --> `tick` a|b <img src=x onerror=alert(2)>"
)
SHORT = " <script>alert(1)</script> {download}`x </etc/hostname>` a|b"  # for columns of bounded length
# Registry fields that name things the code looks up (ids, functions, tables, pages) are not text.
NOT_TEXT = {"id", "evaluate", "datasets", "chapter", "published_indicators", "rests_on", "parameters", "report_notes"}


def _free_text_columns(descriptor: dict) -> dict[str, dict[str, int]]:
    """For each hand-compiled table, its string columns without a closed vocabulary or a pattern,
    with their maximum length."""
    found = {}
    for res in descriptor["resources"]:
        if not all(str(s.get("kind", "")).startswith("hand-compiled") for s in res.get("sources", [{}])):
            continue
        columns = {
            f["name"]: (f.get("constraints") or {}).get("maxLength", 10_000)
            for f in res["schema"]["fields"]
            if f.get("type", "string") == "string"
            and not (f.get("constraints") or {}).get("enum")
            and not (f.get("constraints") or {}).get("pattern")
        }
        if columns:
            found[res["path"]] = columns
    return found


def _poison_tables(data, descriptor) -> int:
    import pandas as pd

    cells = 0
    for path, columns in _free_text_columns(descriptor).items():
        table = pd.read_csv(data / path, dtype=str, keep_default_na=False)
        for c, most in columns.items():
            filled = table[c] != ""
            table.loc[filled, c] = [
                v + HOSTILE if len(v + HOSTILE) <= most else v[: most - len(SHORT)] + SHORT
                for v in table.loc[filled, c]
            ]
            cells += int(filled.sum())
        table.to_csv(data / path, index=False, lineterminator="\n")
    return cells


def _poison(node, key=None):
    if isinstance(node, dict):
        return {k: (v if k in NOT_TEXT else _poison(v, k)) for k, v in node.items()}
    if isinstance(node, list):
        return [_poison(v, key) for v in node]
    return node + HOSTILE if isinstance(node, str) else node


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory):
    copy = tmp_path_factory.mktemp("hostile") / "book"
    shutil.copytree(ROOT, copy, ignore=IGNORE)
    data = copy / "data"
    descriptor = yaml.safe_load((data / "datapackage.yaml").read_text(encoding="utf-8"))
    cells = _poison_tables(data, descriptor)
    for kind in ("claims", "assessments", "recommendations"):
        doc = yaml.safe_load((data / f"{kind}.yaml").read_text(encoding="utf-8"))
        (data / f"{kind}.yaml").write_text(yaml.safe_dump(_poison(doc), allow_unicode=True), encoding="utf-8")
    env = {"PYTHONPATH": str(copy / "src")}
    rehash = run([sys.executable, "-m", "analysis", "data", "rehash"], cwd=copy, extra_env=env)
    assert rehash.returncode == 0, rehash.stdout[-2000:] + rehash.stderr[-3000:]
    result = run([sys.executable, "-m", "analysis", "build", "--quiet"], cwd=copy, extra_env=env, timeout=1500)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return copy, cells


def test_many_cells_carry_the_hostile_text(hostile_book):
    _, cells = hostile_book
    assert cells > 1000


def test_no_hostile_string_is_live_on_any_page(hostile_book):
    copy, _ = hostile_book
    pages = sorted((copy / "_build" / "html").rglob("*.html"))
    seen_escaped = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, page
        assert not re.search(r"""href=["']\s*javascript:""", html, re.I), page
        assert "<!-- hostile -->" not in html, page
        assert "onerror=alert" not in html.replace("onerror=alert(2)&gt;", ""), page
        seen_escaped += html.count("&lt;script&gt;alert(1)")
    assert seen_escaped > 0, "the hostile text is shown, as text, somewhere"


def test_no_file_from_outside_the_project_is_copied_into_the_build(hostile_book):
    copy, _ = hostile_book
    assert not [p for p in (copy / "_build").rglob("*") if p.name == "hostname"]
    import hashlib

    def sha(p):
        return hashlib.sha256(p.read_bytes()).hexdigest()

    ours = {sha(p) for top in (copy / "data", copy / "_build" / "figures") for p in top.rglob("*") if p.is_file()}
    downloads = copy / "_build" / "html" / "_downloads"
    for f in (p for p in downloads.rglob("*") if p.is_file()):
        assert sha(f) in ours, f  # every download is one of the project's tables or charts
