"""Fault isolation: one article's internal error never costs the others their output.

The faults are injected by making one stage function raise for one article: the
boundary under test is the pipeline's, and no input text known today makes a
stage fail (those that did are fixed, with regression tests of their own).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from claimrec.cli import cli
from claimrec.models import Report


@pytest.fixture()
def two_articles(seed_dir, tmp_path):
    folder = tmp_path / "event"
    shutil.copytree(seed_dir, folder)
    return folder


def _fail_on(monkeypatch, module, name: str, marker: str):
    """Make ``module.name`` raise for articles whose text contains ``marker``."""
    real = getattr(module, name)

    def flaky(article, *args, **kwargs):
        if marker in article.text:
            raise ValueError("injected fault")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(module, name, flaky)


def test_one_article_failing_extraction_keeps_the_rest(two_articles, tmp_path, monkeypatch):
    import claimrec.claims

    _fail_on(monkeypatch, claimrec.claims, "extract_claims", "Zakon.kz")  # only the rewrite says it
    result = CliRunner().invoke(cli, ["reconcile", str(two_articles), "-f", "json", "-q",
                                      "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 3, result.stderr
    report = Report.model_validate_json(result.stdout)
    [err] = [e for e in report.errors if e.kind == "internal"]
    assert err.stage == "extract" and err.exception == "ValueError"
    assert err.path.endswith("000_68e9e79a0af75a1d.txt")
    assert "injected fault" in err.reason
    # the wire's claims and its own contradictions are all still there
    wire_claims = [c for c in report.claims if c.article_id == "002_5b0591697e1febfe"]
    assert len(wire_claims) >= 9
    assert any(f.kind == "party_contradiction" for f in report.findings)
    lines = [ln for ln in result.stderr.splitlines() if "internal error" in ln]
    assert lines == [f"claimrec: internal error on {err.path} (extract): ValueError: injected fault; "
                     "rerun with --debug"]


def test_debug_raises_at_once_with_the_traceback(two_articles, tmp_path, monkeypatch):
    import claimrec.claims

    _fail_on(monkeypatch, claimrec.claims, "extract_claims", "Zakon.kz")
    result = CliRunner().invoke(cli, ["extract", str(two_articles), "-f", "json", "--debug",
                                      "--cache-dir", str(tmp_path / "cache")])
    assert isinstance(result.exception, ValueError)


def test_a_failing_detector_is_an_internal_error_not_silence(two_articles, tmp_path, monkeypatch):
    import claimrec.detect as detect

    def detect_quote_changes(ctx, pair, given):
        raise KeyError("no such quote")

    phase = tuple(detect_quote_changes if f.__name__ == "detect_quote_changes" else f for f in detect.REWRITE_PHASE)
    monkeypatch.setattr(detect, "REWRITE_PHASE", phase)
    result = CliRunner().invoke(cli, ["reconcile", str(two_articles), "-f", "json", "-q",
                                      "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 3
    report = Report.model_validate_json(result.stdout)
    [err] = [e for e in report.errors if e.kind == "internal"]
    assert err.stage == "detect:quote_changes" and err.exception == "KeyError"
    assert " -> " in err.path  # the pair it failed on
    kinds = {f.kind for f in report.findings}
    assert "quote_unsourced" not in kinds and "hedge_dropped" in kinds


def test_failing_resolution_of_one_article_keeps_parties_of_the_other(two_articles, tmp_path, monkeypatch):
    import claimrec.resolve as resolve

    real = resolve.doc_mentions

    def flaky(index, article, doc):
        if "Zakon.kz" in article.text:
            raise RuntimeError("mention scan broke")
        return real(index, article, doc)

    monkeypatch.setattr(resolve, "doc_mentions", flaky)
    result = CliRunner().invoke(cli, ["reconcile", str(two_articles), "-f", "json", "-q",
                                      "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 3
    report = Report.model_validate_json(result.stdout)
    assert [e.stage for e in report.errors if e.kind == "internal"] == ["resolve"]
    assert any(p.name == "Meta Platforms" for p in report.parties)


def test_output_into_a_missing_folder_is_created(seed_dir, tmp_path):
    out = tmp_path / "not" / "yet" / "there.json"
    result = CliRunner().invoke(cli, ["extract", str(seed_dir), "-f", "json", "-o", str(out), "-q",
                                      "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["claims"]


def test_output_that_cannot_be_written_is_one_line_and_exit_2(seed_dir, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = CliRunner().invoke(cli, ["extract", str(seed_dir), "-f", "json", "-q",
                                      "-o", str(blocker / "out.json"), "--cache-dir", str(tmp_path / "c")])
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_closed_pipe_exits_quietly(seed_dir, tmp_path):
    # enough copies that the output cannot fit in the pipe's buffer before the reader leaves
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(12):
        for f in seed_dir.iterdir():
            shutil.copy(f, folder / f"{k:02d}_{f.name}")
    producer = subprocess.Popen([sys.executable, "-m", "claimrec.cli", "extract", str(folder), "-f", "jsonl",
                                 "-q", "--cache-dir", str(tmp_path / "cache")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = producer.stdout.readline()
    producer.stdout.close()  # what `| head -1` does
    _, err = producer.communicate(timeout=300)
    assert first.startswith(b"{")
    assert producer.returncode == 141, err.decode()
    assert err == b""


def test_corpus_reports_an_internal_error_and_goes_on(two_articles, tmp_path, monkeypatch):
    import claimrec.claims

    _fail_on(monkeypatch, claimrec.claims, "extract_claims", "Zakon.kz")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["corpus", str(two_articles), "-o", str(out), "-q",
                                      "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 3
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    events = [r for r in records if r["type"] == "event"]
    assert events and events[0]["errors"][0]["stage"] == "extract"
    assert any(r["type"] == "finding" for r in records)
    assert "internal error on" in result.stderr and "(extract)" in result.stderr
