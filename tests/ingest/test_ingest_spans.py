"""Spans point into the cleaned body that ingestion produced; the report refuses any other."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from claimrec.ingest import read_inputs
from claimrec.models import Alignment, Finding, Report, Span, make_span


def _wire(seed_dir):
    return next(a for a in read_inputs([str(seed_dir)]).articles if a.id == "002_5b0591697e1febfe")


def test_span_into_cleaned_body_validates(seed_dir):
    wire = _wire(seed_dir)
    start = wire.text.index("we did not issue a joint statement")
    span = make_span(wire.id, wire.text, start, start + len("we did not issue a joint statement"))
    finding = Finding(id="f1", kind="omission", severity="high", confidence=0.9,
                      summary="denial missing", evidence=[span])
    report = Report(articles=[wire], findings=[finding])
    assert report.findings[0].evidence[0].text == "we did not issue a joint statement"
    last = wire.text.rindex("Myanmar.")
    tail = make_span(wire.id, wire.text, last, len(wire.text))
    Report(articles=[wire], alignments=[Alignment(id="a1", level="sentence", spans=[tail],
                                                  relation="verbatim", similarity=1.0)])


def test_wrong_span_is_refused(seed_dir):
    wire = _wire(seed_dir)
    shifted = Span(article_id=wire.id, start=1, end=9, text=wire.text[0:8])
    with pytest.raises(ValidationError, match="does not match its text"):
        Report(articles=[wire], alignments=[Alignment(id="a1", level="sentence", spans=[shifted],
                                                      relation="verbatim", similarity=1.0)])
    stranger = make_span("no-such-article", wire.text, 0, 8)
    with pytest.raises(ValidationError, match="unknown article"):
        Report(articles=[wire], alignments=[Alignment(id="a1", level="sentence", spans=[stranger],
                                                      relation="verbatim", similarity=1.0)])


def test_paywall_text_is_not_in_the_body_a_span_can_reach(seed_dir, wire_path):
    wire = _wire(seed_dir)
    paywall = next(r for r in wire.removed if r.kind == "paywall")
    assert paywall.text not in wire.text
    assert wire_path.read_text(encoding="utf-8")[paywall.raw_start : paywall.raw_end] == paywall.text
