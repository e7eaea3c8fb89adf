"""The per-article analysis cache: warm runs give the same report, never a stale or torn one."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from claimrec.analysis_cache import FORMAT, AnalysisCache, ArticleAnalysis, fingerprint
from claimrec.cli import cli
from claimrec.models import Report
from tests.reports import run_json, same_report
from claimrec.nlp import model_identity


def _run(args, cache):
    return run_json([*args, "--cache-dir", str(cache)])


_same = same_report


def test_warm_reconcile_is_the_cold_reconcile(seed_dir, tmp_path):
    cold = _run(["reconcile", str(seed_dir)], tmp_path / "c")
    warm = _run(["reconcile", str(seed_dir)], tmp_path / "c")
    uncached = _run(["reconcile", str(seed_dir), "--no-cache"], tmp_path / "unused")
    assert cold.stats["cached"] == {"analyses": 0, "annotations": 0}
    assert warm.stats["cached"] == {"analyses": 2, "annotations": 2}
    assert cold.findings and _same(cold, warm) and _same(cold, uncached)
    assert not (tmp_path / "unused").exists()


def test_warm_extract_is_the_cold_extract(seed_dir, tmp_path):
    cold = _run(["extract", str(seed_dir)], tmp_path / "c")
    warm = _run(["extract", str(seed_dir)], tmp_path / "c")
    assert warm.stats["cached"]["analyses"] == 2
    assert cold.claims and _same(cold, warm)
    assert any(c.speaker and c.speaker.party_id for c in warm.claims)


def test_warm_extract_never_imports_spacy(seed_dir, tmp_path):
    _run(["extract", str(seed_dir)], tmp_path / "c")
    probe = textwrap.dedent(f"""
        import sys
        from claimrec.cli import cli
        try:
            cli(["extract", {str(seed_dir)!r}, "-q", "-f", "json", "-o", {str(tmp_path / 'o.json')!r},
                 "--cache-dir", {str(tmp_path / 'c')!r}])
        except SystemExit as exc:
            assert exc.code == 0, exc.code
        print("spacy" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
    assert json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["claims"]


def test_a_changed_lexicon_invalidates_the_entries(seed_dir, tmp_path, monkeypatch, request):
    import importlib

    from claimrec.resources import data_dir

    lexicon_module = importlib.import_module("claimrec.text.lexicon")

    cache = tmp_path / "c"
    _run(["extract", str(seed_dir)], cache)
    assert _run(["extract", str(seed_dir)], cache).stats["cached"]["analyses"] == 2
    before = fingerprint(model_identity())

    edited = tmp_path / "data"
    shutil.copytree(data_dir(), edited)
    cues = edited / "lexicons" / "cues.json"
    raw = json.loads(cues.read_text(encoding="utf-8"))
    raw["_edited"] = "one more comment changes the file's bytes"
    cues.write_text(json.dumps(raw), encoding="utf-8")
    monkeypatch.setattr(lexicon_module, "data_dir", lambda: edited)
    # the digest is computed once per process (as the lexicon is loaded once); a new process
    # after the edit is what the cleared memo stands for
    lexicon_module.lexicon_digest.cache_clear()
    request.addfinalizer(lexicon_module.lexicon_digest.cache_clear)

    assert fingerprint(model_identity()) != before
    assert _run(["extract", str(seed_dir)], cache).stats["cached"]["analyses"] == 0


def test_the_key_changes_with_everything_that_changes_a_result(monkeypatch):
    import claimrec.analysis_cache as cache_module

    model = model_identity()
    base = fingerprint(model)
    assert fingerprint(model + "-other") != base
    monkeypatch.setattr(cache_module, "__version__", "9.9.9")
    assert fingerprint(model) != base
    monkeypatch.undo()
    monkeypatch.setattr(cache_module, "code_digest", lambda: "edited-source")
    assert fingerprint(model) != base


def test_entries_are_per_text_and_article_id(tmp_path):
    cache = AnalysisCache(tmp_path, model_identity())
    cache.put_analysis("a1", "Some text.", ArticleAnalysis(claims=[], mentions=[], dominant="Kazakhstan"))
    assert cache.get_analysis("a1", "Some text.").dominant == "Kazakhstan"
    assert cache.get_analysis("a2", "Some text.") is None
    assert cache.get_analysis("a1", "Some other text.") is None


def _entries(cache_dir, kind):
    return sorted((cache_dir / "analysis").glob(f"*/{kind}/*/*.pkl"))


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_entry_is_a_miss_not_a_crash(seed_dir, tmp_path, damage):
    cache = tmp_path / "c"
    cold = _run(["reconcile", str(seed_dir)], cache)
    entries = _entries(cache, "claims") + _entries(cache, "annotation")
    assert len(entries) == 4
    for path in entries:
        data = path.read_bytes()
        path.write_bytes({"truncate": data[: len(data) // 2],
                          "flip": data[:-10] + bytes(b ^ 0xFF for b in data[-10:]),
                          "garbage": b"\x00\x01not a pickle" * 10, "empty": b""}[damage])
    again = _run(["reconcile", str(seed_dir)], cache)
    assert again.stats["cached"] == {"analyses": 0, "annotations": 0}
    assert _same(cold, again)
    # and the damaged entries were rewritten whole
    assert _run(["reconcile", str(seed_dir)], cache).stats["cached"] == {"analyses": 2, "annotations": 2}


class _Boom:
    def __reduce__(self):
        return (exec, ("raise SystemExit('code from a cache file ran')",))


def test_a_planted_pickle_cannot_run_code(tmp_path):
    import hashlib

    cache = AnalysisCache(tmp_path, model_identity())
    path = cache.claims_path("a1", "Some text.")
    path.parent.mkdir(parents=True)
    payload = pickle.dumps(_Boom())
    path.write_bytes(FORMAT + hashlib.sha256(payload).digest() + payload)  # well framed, hostile
    assert cache.get_analysis("a1", "Some text.") is None


def test_an_article_that_failed_is_not_cached(seed_dir, tmp_path, monkeypatch):
    import claimrec.claims

    real = claimrec.claims.extract_claims

    def flaky(article, *args, **kwargs):
        if "Zakon.kz" in article.text:
            raise ValueError("injected fault")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(claimrec.claims, "extract_claims", flaky)
    args = ["reconcile", str(seed_dir), "-f", "json", "-q", "--cache-dir", str(tmp_path / "c")]
    for _ in range(2):  # the rerun meets the same error: the failed article was not cached
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 3
        report = Report.model_validate_json(result.stdout)
        assert [e.stage for e in report.errors if e.kind == "internal"] == ["extract"]
    assert report.stats["cached"]["analyses"] == 1


_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from claimrec.analysis_cache import AnalysisCache, ArticleAnalysis
    cache = AnalysisCache(Path(sys.argv[1]), sys.argv[2])
    for n in range(200):
        cache.put_analysis("a1", "Some text.", ArticleAnalysis(claims=[], mentions=[], dominant="x" * (n % 7 + 1) * 500))
""")


def test_concurrent_writers_never_leave_a_torn_entry(tmp_path):
    model = model_identity()
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path), model]) for _ in range(3)]
    cache = AnalysisCache(tmp_path, model)
    seen = 0
    while any(w.poll() is None for w in writers):
        got = cache.get_analysis("a1", "Some text.")
        if got is not None:
            assert set(got.dominant) == {"x"} and len(got.dominant) % 500 == 0
            seen += 1
    assert all(w.wait() == 0 for w in writers)
    assert cache.get_analysis("a1", "Some text.") is not None
    assert not list(tmp_path.rglob("*.tmp"))


def test_docs_from_another_pipeline_are_not_cached(seed_dir, tmp_path):
    """Parses handed in by a caller are cached only when they come from the configured pipeline."""
    import spacy

    from claimrec.pipeline import PipelineConfig, ingest_paths, reconcile_articles

    config = PipelineConfig(cache_dir=str(tmp_path / "c"))
    articles, _ = ingest_paths([str(seed_dir)], config)
    blank = spacy.blank("en")
    report = reconcile_articles(articles, config, docs=[blank(a.text) for a in articles])
    assert report.stats["cached"] == {"analyses": 0, "annotations": 0}
    assert not (tmp_path / "c" / "analysis").exists()
