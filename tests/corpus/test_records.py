"""Corpus records share their shape with `-f jsonl`, and --fail-on sees every event."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from claimrec.cli import cli
from claimrec.corpus.reconcile import finding_record
from claimrec.models import Article, Finding, Report, make_span
from claimrec.render.jsonout import iter_records


def test_finding_record_is_the_jsonl_finding_plus_its_event():
    body = "The agency said the toll rose to 17."
    article = Article(id="a1", path="a1.txt", text=body)
    finding = Finding(id="f1", kind="number_changed", severity="medium", confidence=0.8,
                      summary="toll differs", evidence=[make_span("a1", body, 29, 35)])
    report = Report(articles=[article], findings=[finding])
    plain = next(r for r in iter_records(report) if r["type"] == "finding")
    ours = finding_record(finding, "quake")
    assert ours.pop("event_id") == "quake"
    assert ours == plain


def test_fail_on_high_sees_findings_of_any_event(tmp_path, seed_dir, tree, shared_cache):
    shutil.copytree(seed_dir, tree / "seed-pair")
    base = ["corpus", str(tree), "-q", "--cache-dir", str(shared_cache)]
    never = CliRunner().invoke(cli, base + ["--fail-on", "never"])
    assert never.exit_code == 0, never.stderr
    records = [json.loads(line) for line in never.stdout.splitlines()]
    has_high = any(r["type"] == "finding" and r["severity"] == "high" for r in records)
    high = CliRunner().invoke(cli, base + ["--fail-on", "high"])
    assert high.exit_code == (1 if has_high else 0)
    seed_event = next(r for r in records if r["type"] == "event" and r["event_id"] == "seed-pair")
    assert seed_event["findings"] == sum(1 for r in records if r["type"] == "finding"
                                         and r["event_id"] == "seed-pair")


def test_event_reconcile_is_the_pipelines_reconcile(seed_dir, tmp_path):
    """The corpus engines reconcile from Docs they hold; the result must not drift from
    `claimrec reconcile` (pipeline.reconcile_articles) on the same articles."""
    from claimrec.corpus.reconcile import reconcile_docs
    from claimrec.pipeline import PipelineConfig, ingest_paths, parse_articles, reconcile_articles

    config = PipelineConfig(cache_dir=str(tmp_path))
    articles, _ = ingest_paths([str(seed_dir)], config)
    expected = reconcile_articles(articles, config)
    ours = reconcile_docs(articles, parse_articles(articles, config), config)
    # stage timings and cache hits differ from run to run; everything else must not
    for report in (ours, expected):
        report.stats.pop("seconds"), report.stats.pop("cached")
    assert ours.model_dump() == expected.model_dump()
    assert expected.findings, "the seed pair has findings to compare"
