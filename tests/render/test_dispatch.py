"""Every format handles every view and every odd report; the CLI writes them through -o."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimrec.cli import cli
from claimrec.errors import UsageError
from claimrec.models import Article, Report
from claimrec.render import FORMATS, VIEWS, render

ODD = [
    Report(),
    Report(articles=[Article(id="empty", path="e.txt", text="")]),
    Report(articles=[Article(id="one", path="o.txt", text="Word")]),
    Report(articles=[Article(id="u", path="u.txt", role="source",
                             text="“Unbalanced quote… \u200b\u202e right-to-left\ttab\r\nline\n\n\n")]),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("view", VIEWS)
def test_every_format_renders_every_view(seed_report, hostile_report, fmt, view):
    for report in (seed_report, hostile_report, *ODD):
        out = render(report, fmt, view=view)
        assert isinstance(out, str) and out.strip()
        if fmt in ("json", "claimreview"):
            json.loads(out)
        if fmt == "jsonl":
            assert all(json.loads(line)["type"] for line in out.splitlines())


def test_unknown_format_or_view_is_a_usage_error(seed_report):
    with pytest.raises(UsageError):
        render(seed_report, "pdf")
    with pytest.raises(UsageError):
        render(seed_report, "json", view="everything")


@pytest.mark.parametrize("fmt", ["html", "md", "jsonl", "table"])
def test_cli_ingest_writes_each_format_to_a_file(seed_dir, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(cli, ["ingest", str(seed_dir), "-f", fmt, "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "002_5b0591697e1febfe" in text
    assert result.stdout == ""
