"""Streaming output: records, flushing per event, and resuming an interrupted run."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimrec.cli import cli
from claimrec.corpus.stream import EventSink, completed_events
from claimrec.errors import UsageError
from claimrec.models import SCHEMA_VERSION


def _event(event_id: str, findings: int) -> str:
    return json.dumps({"type": "event", "schema_version": SCHEMA_VERSION, "event_id": event_id,
                       "findings": findings})


def _finding(event_id: str, n: int) -> str:
    return json.dumps({"type": "finding", "schema_version": SCHEMA_VERSION, "event_id": event_id,
                       "id": f"f{n}"})


def test_torn_last_line_is_cut_and_complete_events_kept(tmp_path):
    out = tmp_path / "out.jsonl"
    whole = [_event("a", 1), _finding("a", 1), _event("b", 0)]
    out.write_text("\n".join(whole) + "\n" + _event("c", 2)[:17], encoding="utf-8")
    with EventSink(out) as sink:
        assert sink.done == {"a", "b"}
        sink.write_block([_event("c", 0)])
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == ["a", "a", "b", "c"]


def test_event_missing_some_findings_is_redone(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("\n".join([_event("a", 0), _event("b", 3), _finding("b", 1)]) + "\n",
                   encoding="utf-8")
    done, end = completed_events(out)
    assert done == {"a"}
    assert end == len(_event("a", 0)) + 1


def test_refuses_to_append_to_a_foreign_file(tmp_path):
    out = tmp_path / "notes.jsonl"
    out.write_text("my notes\nmore notes\n", encoding="utf-8")
    with pytest.raises(UsageError):
        EventSink(out)
    assert out.read_text(encoding="utf-8") == "my notes\nmore notes\n"


def test_records_parse_and_carry_type_and_schema_version(tree, shared_cache):
    result = CliRunner().invoke(cli, ["corpus", str(tree), "-q", "--cache-dir", str(shared_cache)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["schema_version"] == SCHEMA_VERSION for r in records)
    assert {r["type"] for r in records} <= {"event", "finding"}
    current = None
    for record in records:
        if record["type"] == "event":
            assert {"event_id", "article_ids", "grouped_by", "findings", "roles"} <= set(record)
            current = record["event_id"]
        else:
            assert record["event_id"] == current  # findings follow their own event
            assert record["evidence"]


def test_rerun_skips_written_events_and_repairs_a_torn_line(tree, shared_cache):
    out = tree.parent / "out.jsonl"
    args = ["corpus", str(tree), "-q", "--cache-dir", str(shared_cache), "-o", str(out)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    heads = [i for i, line in enumerate(lines) if json.loads(line)["type"] == "event"]
    assert len(heads) == 3
    # Keep the first event (marked, to see it is not written again) and half of
    # the second event's first line: what a killed run leaves behind.
    kept = [json.loads(line) for line in lines[:heads[1]]]
    kept[0]["keys"] = ["written-by-the-first-run"]
    torn = lines[heads[1]][: len(lines[heads[1]]) // 2]
    out.write_text("\n".join(json.dumps(r) for r in kept) + "\n" + torn, encoding="utf-8")

    second = CliRunner().invoke(cli, args)
    assert second.exit_code == 0, second.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    events = [r for r in records if r["type"] == "event"]
    assert sorted(r["event_id"] for r in events) == sorted(json.loads(lines[i])["event_id"]
                                                          for i in heads)
    assert events[0]["keys"] == ["written-by-the-first-run"]
    assert len(records) == len(lines)
