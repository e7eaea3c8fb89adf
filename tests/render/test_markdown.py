"""The Markdown report: findings with quoted evidence and sources, parties, escaping."""

from __future__ import annotations

import re

from claimrec.render import render
from claimrec.render.markdown import md_escape


def test_markdown_has_summary_findings_quotes_and_parties(seed_report):
    out = render(seed_report, "md")
    assert out.startswith("# claimrec report")
    assert "**8 findings: 4 high, 2 medium, 2 low**" in out
    for f in seed_report.findings:
        assert md_escape(f.summary) in out
    assert out.index("### High severity") < out.index("### Medium severity") < out.index("### Low")
    # evidence quoted with the span in bold, and its source named
    assert "> In **what it called a joint statement** with Facebook" in out
    assert "> **In a joint statement with Facebook**, " in out
    for a in seed_report.articles:
        assert f"`{a.id}`, {a.role}" in out
    assert "## Parties" in out
    for p in seed_report.parties:
        assert f"**{md_escape(p.name)}**" in out


def test_markdown_escapes_article_text(hostile_report):
    out = render(hostile_report, "md")
    assert "\\<script\\>alert(1)\\</script\\>" in out
    assert "\\[a link\\](https://evil.example)" in out
    # no live Markdown link or raw HTML tag survives anywhere
    assert not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", out)
    assert not re.search(r"(?<!\\)<[a-zA-Z/]", out)


def test_md_escape_neutralises_block_syntax():
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("1999. A year") == "1999\\. A year"
    assert md_escape("- item") == "\\- item"
    assert md_escape("a | b *c* _d_ `e`") == "a \\| b \\*c\\* \\_d\\_ \\`e\\`"
    assert md_escape("line\nbreak") == "line break"
    assert md_escape("AT&amp;T &copy;") == "AT&amp;amp;T &amp;copy;"


def test_markdown_views(seed_report):
    claims = render(seed_report, "md", view="claims")
    assert "## Claims" in claims and "| speaker → party |" in claims
    for c in seed_report.claims:
        assert md_escape(c.content.text)[:40] in claims
    ingest = render(seed_report, "md", view="ingest")
    assert "| id | role | why |" in ingest
    assert all(f"`{a.id}`" in ingest for a in seed_report.articles)
    diff = render(seed_report, "md", view="diff")
    assert "| rewrite sentence | relation | source sentence(s) |" in diff
    assert "| rewritten |" in diff and "| new |" in diff
