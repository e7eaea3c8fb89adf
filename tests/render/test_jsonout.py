"""JSON round-trips and validates against `claimrec schema`; JSONL records are typed."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from claimrec.cli import cli
from claimrec.models import Report
from claimrec.render import render


@pytest.fixture(scope="module")
def schema() -> dict:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_round_trips_to_the_same_report(seed_report):
    text = render(seed_report, "json")
    assert Report.model_validate_json(text) == seed_report


def test_json_output_validates_against_cli_schema(seed_report, hostile_report, schema):
    for report in (seed_report, hostile_report, Report()):
        jsonschema.validate(json.loads(render(report, "json")), schema)


def test_real_pipeline_ingest_output_validates(seed_dir, schema):
    result = CliRunner().invoke(cli, ["ingest", str(seed_dir), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    jsonschema.validate(json.loads(result.output), schema)


def test_schema_rejects_a_broken_report(seed_report, schema):
    data = json.loads(render(seed_report, "json"))
    data["findings"][0]["severity"] = "catastrophic"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_json_is_deterministic(seed_report):
    assert render(seed_report, "json") == render(seed_report, "json")


def test_jsonl_records_are_typed_and_ordered(seed_report):
    lines = render(seed_report, "jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert all(r["schema_version"] == seed_report.schema_version for r in records)
    types = [r["type"] for r in records]
    order = ["article", "party", "claim", "alignment", "derivation", "finding", "error", "summary"]
    assert types == sorted(types, key=order.index)
    assert types[0] == "article" and types[-1] == "summary"
    assert types.count("article") == len(seed_report.articles)
    assert types.count("finding") == len(seed_report.findings)
    assert types.count("alignment") == len(seed_report.alignments)
    summary = records[-1]
    assert summary["findings_by_severity"] == {"high": 4, "medium": 2, "low": 2}


def test_jsonl_records_rebuild_the_report(seed_report):
    from claimrec.models import Finding

    records = [json.loads(line) for line in render(seed_report, "jsonl").splitlines()]
    findings = [Finding.model_validate({k: v for k, v in r.items()
                                        if k not in ("type", "schema_version")})
                for r in records if r["type"] == "finding"]
    assert findings == seed_report.findings


def test_jsonl_keeps_unicode_and_one_record_per_line(hostile_report):
    text = render(hostile_report, "jsonl")
    assert text.endswith("\n")
    for line in text.splitlines():
        record = json.loads(line)
        assert "type" in record and "schema_version" in record
    assert any(r["type"] == "error" for r in map(json.loads, text.splitlines()))
