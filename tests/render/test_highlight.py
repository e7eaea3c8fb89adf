"""Segmentation over overlapping highlights and sentence context around evidence."""

from __future__ import annotations

import pytest

from claimrec.models import make_span
from claimrec.render.highlight import (
    Mark, SentenceIndex, expand_to_sentence, group_evidence, segment, truncate,
)

TEXT = ("The ministry said on Monday it had reached a deal. "
        "In what it called a joint statement, the company agreed. Critics disagreed!")


def test_segments_cover_text_exactly_and_split_at_every_boundary():
    marks = [Mark(0, 51, "sentence"), Mark(52, 108, "sentence2"), Mark(55, 87, "hedge"),
             Mark(52, 70, "overlap"), Mark(4, 12, "word")]
    pieces = segment(TEXT, marks)
    assert "".join(p.text for p in pieces) == TEXT
    for p in pieces:
        for m in marks:
            inside = m.start <= p.start and p.end <= m.end
            crossing = m.start < p.end and p.start < m.end and not inside
            assert not crossing, (p, m)
            assert (m in p.marks) == (inside and p.start < p.end)
    # each mark opens once and closes once
    for m in marks:
        assert sum(m in p.opens for p in pieces) == 1
        assert sum(m in p.closes for p in pieces) == 1


def test_nesting_order_is_outer_first_in_every_piece():
    outer, inner = Mark(52, 108, "outer"), Mark(55, 87, "inner")
    for p in segment(TEXT, [inner, outer]):
        if inner in p.marks:
            assert p.marks.index(outer) < p.marks.index(inner)


def test_empty_and_out_of_window_marks():
    pieces = segment(TEXT, [Mark(10, 10, "empty"), Mark(200, 210, "outside")], 0, 30)
    assert "".join(p.text for p in pieces) == TEXT[:30]
    empties = [p for p in pieces if p.start == p.end]
    assert [m.key for p in empties for m in p.marks] == ["empty"]
    assert not any(m.key == "outside" for p in pieces for m in p.marks)


def test_segment_of_empty_text_does_not_crash():
    assert "".join(p.text for p in segment("", [Mark(0, 0, "x")])) == ""


@pytest.mark.parametrize("needle, sentence", [
    ("reached a deal", "The ministry said on Monday it had reached a deal."),
    ("what it called", "In what it called a joint statement, the company agreed."),
    ("disagreed", "Critics disagreed!"),
])
def test_expand_to_sentence_by_punctuation(needle, sentence):
    start = TEXT.index(needle)
    s, e = expand_to_sentence(TEXT, start, start + len(needle))
    assert TEXT[s:e] == sentence


def test_expand_stops_at_line_breaks_and_keeps_reach():
    text = "Headline without a stop\nBody sentence one. Body two"
    start = text.index("without")
    s, e = expand_to_sentence(text, start, start + 7)
    assert text[s:e] == "Headline without a stop"
    long = "word " * 500
    s, e = expand_to_sentence(long, 1200, 1204, reach=100)
    assert e - s <= 220


def test_known_sentence_wins_over_punctuation(seed_report):
    index = SentenceIndex.from_report(seed_report)
    wire = seed_report.articles[0]
    # "Mr."-free text but a quote with inner full stops: the claim sentence is the whole thing
    span = next(c for c in seed_report.claims if c.id == "c3").content
    s, e = index.context(span)
    assert wire.text[s:e] == next(c for c in seed_report.claims if c.id == "c3").sentence.text


def test_group_evidence_merges_spans_of_one_sentence(seed_report):
    index = SentenceIndex.from_report(seed_report)
    wire = seed_report.articles[0]
    a = wire.text.index("what it called")
    b = wire.text.index("joint statement with Facebook")
    spans = [make_span(wire.id, wire.text, a, a + 14), make_span(wire.id, wire.text, b, b + 15)]
    quotes = group_evidence(index, spans)
    assert len(quotes) == 1 and [n for n, _ in quotes[0].spans] == [0, 1]


def test_truncate():
    assert truncate("short", 10) == "short"
    cut = truncate("a fairly long sentence that goes on and on", 20)
    assert len(cut) <= 20 and cut.endswith("…")
