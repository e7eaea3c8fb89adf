"""The library's front door: reconcile, diff and extract on paths and on articles."""

from __future__ import annotations

import claimrec
import claimrec.api
from claimrec.models import Article


def test_reconcile_a_folder(seed_dir, tmp_path):
    report = claimrec.reconcile(str(seed_dir), cache_dir=tmp_path)
    assert {f.kind for f in report.findings} >= {"party_contradiction", "hedge_dropped", "omission"}
    assert "seconds" in report.stats


def test_diff_articles_given_in_memory(tmp_path):
    text = "The ministry said on Tuesday that 12 bridges would close."
    report = claimrec.diff(Article(id="a", path="a", text=text),
                           Article(id="b", path="b", text=text.replace("12", "20")), cache_dir=tmp_path)
    assert [f.kind for f in report.findings if f.kind != "party_contradiction"] == ["number_changed"]


def test_diff_paths_marks_the_source(wire_path, rewrite_path, tmp_path):
    report = claimrec.diff(str(wire_path), str(rewrite_path), cache_dir=tmp_path)
    roles = {a.path: a.role for a in report.articles}
    assert roles[str(wire_path)] == "source" and roles[str(rewrite_path)] == "rewrite"


def test_extract_only(seed_dir, tmp_path):
    report = claimrec.api.extract([str(seed_dir)], cache_dir=tmp_path)
    assert report.claims and not report.findings


def test_the_api_functions_are_not_shadowed_by_submodules(seed_dir, tmp_path):
    # the extraction stage is a package of its own name; importing it (as every cold run
    # does) must not replace claimrec.extract, the function
    import importlib

    import claimrec

    for name in ("claimrec.claims", "claimrec.pipeline", "claimrec.api"):
        importlib.import_module(name)
    assert callable(claimrec.extract) and callable(claimrec.reconcile) and callable(claimrec.diff)
    assert claimrec.extract([str(seed_dir)], cache_dir=tmp_path).claims
