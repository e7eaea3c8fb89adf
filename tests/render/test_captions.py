"""Summary lines: counts read as English ("1 finding", "2 findings") in every format."""

from __future__ import annotations

import pytest

from claimrec.render import render
from claimrec.render.captions import claims_line, ingest_line, summary_line


def _with(report, **fields):
    return report.model_copy(update=fields)


@pytest.mark.parametrize("keep, expected", [
    (0, "0 findings: 0 high, 0 medium, 0 low"),
    (1, "1 finding: 1 high, 0 medium, 0 low"),
    (2, "2 findings: 2 high, 0 medium, 0 low"),
])
def test_summary_line_agrees_with_its_count(seed_report, keep, expected):
    high = [f for f in seed_report.findings if f.severity == "high"][:keep]
    assert summary_line(_with(seed_report, findings=high)) == expected


def test_claims_and_ingest_lines_in_the_singular(seed_report):
    one = _with(seed_report, articles=seed_report.articles[:1], claims=seed_report.claims[:1], errors=[])
    assert claims_line(one) == "1 claim in 1 article"
    assert ingest_line(one) == "1 article read"
    assert claims_line(seed_report) == f"{len(seed_report.claims)} claims in 2 articles"


@pytest.mark.parametrize("fmt, expected", [
    ("table", "1 finding: 1 high, 0 medium, 0 low"),
    ("md", "**1 finding: 1 high, 0 medium, 0 low**"),
    ("html", "<strong>1 finding</strong>"),
])
def test_every_format_says_one_finding(seed_report, fmt, expected):
    high = [f for f in seed_report.findings if f.severity == "high"][:1]
    out = render(_with(seed_report, findings=high), fmt)
    assert expected in out
    assert "1 findings" not in out


def test_every_renderer_quotes_the_sentence_alignment_in_the_same_words(seed_report):
    """The derivation line and the role reasons use one measure, named as such."""
    from claimrec.derivation import derivation_phrase
    from claimrec.render import render

    [d] = seed_report.derivations
    phrase = derivation_phrase(d)
    assert phrase == ("11 of its 14 sentences come from the source "
                      "(1 verbatim, 10 rewritten, 3 new; partially derived)")
    for fmt in ("table", "md", "html"):
        out = " ".join(render(seed_report, fmt, view="diff").split())  # the table wraps
        assert "sentence alignment" in out.lower() and phrase.split(" (")[0] in out, fmt
