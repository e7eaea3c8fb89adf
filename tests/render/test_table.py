"""The terminal table at several widths, with and without colour."""

from __future__ import annotations

import re

import pytest

from claimrec.models import Article, Report
from claimrec.render import render
from claimrec.render.table import render_table

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("width", [60, 100, 160])
def test_table_fits_width_and_ends_with_summary(seed_report, width):
    out = render_table(seed_report, width=width)
    lines = out.rstrip("\n").splitlines()
    assert lines[-1] == "8 findings: 4 high, 2 medium, 2 low"
    assert max(len(line) for line in lines) <= width
    for f in seed_report.findings:
        assert f.summary.split()[0] in out
    assert "HIGH (4)" in out and "MEDIUM (2)" in out and "LOW (2)" in out


def test_plain_table_marks_evidence_inside_its_sentence(seed_report):
    out = render_table(seed_report, width=200)
    assert not ANSI.search(out)
    assert "“In **what it called a joint statement** with Facebook" in out
    assert "“**In a joint statement with Facebook**, " in out


def test_terminal_table_uses_colour(seed_report):
    out = render_table(seed_report, width=120, to_terminal=True)
    assert ANSI.search(out)
    assert "8 findings: 4 high, 2 medium, 2 low" in ANSI.sub("", out)


def test_terminal_control_characters_from_articles_are_dropped():
    text = "Officials said \x1b[2J\x1b]0;pwned\x07 nothing."
    report = Report(articles=[Article(id="a\x1b[31m", path="a.txt", text=text, title="t\x1b[5m")])
    for view in ("report", "claims", "ingest"):
        out = render_table(report, view, width=80, to_terminal=True)
        assert "\x1b[2J" not in out and "\x1b]0;" not in out and "\x1b[5m" not in out


def test_claims_and_ingest_views(seed_report):
    claims = render_table(seed_report, "claims", width=160)
    assert "speaker -> party" in claims and "Ben McConaghy -> Meta" in claims
    assert claims.rstrip().endswith("7 claims in 2 articles")
    ingest = render_table(seed_report, "ingest", width=100)
    assert all(a.id in ingest for a in seed_report.articles)
    assert ingest.rstrip().endswith("2 articles read")
    diff = render_table(seed_report, "diff", width=140)
    assert "rewritten" in diff and "new" in diff


def test_article_text_is_not_read_as_rich_markup():
    report = Report(articles=[Article(id="x", path="x.txt", title="[bold red]Boom[/] [link=http://e]",
                                      text="body")])
    out = render(report, "table")
    assert "[bold red]Boom[/]" in out

