"""The whole pipeline on the seed pair, through the command line, in every format."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import jsonschema
import pytest
from click.testing import CliRunner

from claimrec.cli import cli
from claimrec.models import Report


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


def _run(args, cache_dir):
    result = CliRunner().invoke(cli, args + ["-q", "--cache-dir", str(cache_dir)])
    assert result.exit_code in (0, 1), result.stderr
    return result


@pytest.fixture(scope="module")
def report(seed_dir, cache_dir) -> Report:
    result = _run(["reconcile", str(seed_dir), "-f", "json"], cache_dir)
    return Report.model_validate_json(result.stdout)


def test_json_validates_against_the_printed_schema(seed_dir, cache_dir, report):
    schema = json.loads(CliRunner().invoke(cli, ["schema"]).stdout)
    jsonschema.validate(report.model_dump(mode="json"), schema)
    assert report.findings and all(f.evidence for f in report.findings)


def test_diff_and_reconcile_agree_on_findings(wire_path, rewrite_path, cache_dir, report):
    result = _run(["diff", str(wire_path), str(rewrite_path), "-f", "json"], cache_dir)
    diffed = Report.model_validate_json(result.stdout)
    assert {(f.kind, f.summary) for f in diffed.findings} == {
        (f.kind, f.summary) for f in report.findings
    }


def test_jsonl_carries_every_finding(seed_dir, cache_dir, report):
    lines = _run(["reconcile", str(seed_dir), "-f", "jsonl"], cache_dir).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert all(r["schema_version"] == report.schema_version for r in records)
    found = [r for r in records if r["type"] == "finding"]
    assert [r["id"] for r in found] == [f.id for f in report.findings]


def test_markdown_lists_every_finding(seed_dir, cache_dir, report):
    text = _run(["reconcile", str(seed_dir), "-f", "md"], cache_dir).stdout
    for finding in report.findings:
        assert finding.kind.replace("_", " ") in text.lower()


class _Marks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.marks, self._in_mark = set(), [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href", "").startswith("#"):
            self.hrefs.append(attrs["href"][1:])
        if tag == "mark":
            self._in_mark += 1
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data


def test_html_highlights_the_dropped_hedge_against_the_rewrite(seed_dir, cache_dir, report):
    page = _run(["reconcile", str(seed_dir), "-f", "html"], cache_dir).stdout
    parser = _Marks()
    parser.feed(page)
    assert all(h in parser.ids for h in parser.hrefs)
    marked = " ".join(parser.marks)
    assert "what it called" in marked
    assert "In a joint statement with Facebook" in marked
    assert "http://" not in page and "https://" not in page.replace("https://schema.org", "")


def test_claimreview_drafts_the_contradictions(seed_dir, cache_dir, report):
    drafts = json.loads(_run(["reconcile", str(seed_dir), "-f", "claimreview"], cache_dir).stdout)
    assert drafts and all(d["@type"] == "ClaimReview" for d in drafts)
    assert any("joint statement" in d["claimReviewed"] for d in drafts)


def test_fail_on_exit_codes(seed_dir, cache_dir):
    assert _run(["reconcile", str(seed_dir), "-f", "json", "--fail-on", "high"],
                cache_dir).exit_code == 1
    assert _run(["reconcile", str(seed_dir), "-f", "json", "--fail-on", "never"],
                cache_dir).exit_code == 0


def test_min_confidence_drops_weak_findings(seed_dir, cache_dir, report):
    result = _run(["reconcile", str(seed_dir), "-f", "json", "--min-confidence", "0.8"], cache_dir)
    kept = Report.model_validate_json(result.stdout).findings
    assert kept and len(kept) < len(report.findings)
    assert all(f.confidence >= 0.8 for f in kept)


def test_stdin_extract_jsonl(wire_path, cache_dir):
    result = CliRunner().invoke(
        cli, ["extract", "-", "-f", "jsonl", "-q", "--cache-dir", str(cache_dir)],
        input=wire_path.read_text(encoding="utf-8"),
    )
    assert result.exit_code == 0, result.stderr
    claims = [json.loads(l) for l in result.stdout.splitlines() if '"type":"claim"' in l]
    assert len(claims) >= 8


def test_every_finding_says_what_to_check_in_every_format(seed_dir, cache_dir, report):
    assert all(f.check for f in report.findings)
    for fmt, marker in (("table", "Check: "), ("md", "**Check:**"), ("html", "Check: ")):
        out = _run(["reconcile", str(seed_dir), "-f", fmt], cache_dir).stdout
        assert marker in out, fmt
