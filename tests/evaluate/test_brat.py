"""brat standoff reading: discontinuous spans, forward references, no-source events, annotator choice."""

from __future__ import annotations

import pytest

from claimrec.evaluate.brat import parse_ann, read_gold
from tests.evaluate.conftest import TEXT_A, TEXT_B, span


def test_reads_articles_and_events(gold_dir):
    articles = read_gold(gold_dir)
    assert [a.name for a in articles] == ["doc-a", "doc-b"]
    a, b = articles
    assert a.ann_path.name == "doc-a_aaaa.ann"  # first annotator by sorted name
    assert len(a.attributions) == 2
    first = a.attributions[0]
    assert first.content == [span(TEXT_A, '"We will appeal the ruling,"')]
    assert first.source == [span(TEXT_A, "the company's lawyer")]
    assert first.cue == [span(TEXT_A, "said")]
    assert first.has_source


def test_discontinuous_span_and_no_source(gold_dir):
    b = read_gold(gold_dir)[1]
    (g,) = b.attributions
    assert g.content == [span(TEXT_B, "that the merger"), span(TEXT_B, "would hurt consumers")]
    assert not g.has_source
    assert g.source == []


def test_limit(gold_dir):
    assert len(read_gold(gold_dir, limit=1)) == 1


def test_missing_layout_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_gold(tmp_path)


def test_second_content_role_is_merged():
    ann = ("T1\tContent 0 5\tHello\nT2\tCue 6 10\tsaid\nT3\tSource 11 13\the\n"
           "T4\tAttribution 6 10\tsaid\nT5\tContent 15 20\tworld\n"
           "E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3 Content2:T5\n")
    (g,) = parse_ann(ann)
    assert g.content == [(0, 5), (15, 20)]


@pytest.mark.parametrize("bad", ["", "T1\tContent x y\tz\n", "E1\tAttribution:T9 Content:T8\n", "T1\tContent 5 2\tz\n"])
def test_malformed_files_give_nothing_not_errors(bad):
    assert parse_ann(bad) == []


def test_unreadable_gold_files_are_skipped_and_named(gold_dir):
    (gold_dir / "text" / "doc-c.txt").write_bytes(b"\x00\x01binary\x00")
    (gold_dir / "attributions" / "doc-c_x.ann").write_text("", encoding="utf-8")
    (gold_dir / "text" / "doc-d.txt").write_bytes("Caf\xe9 owners said prices would rise.".encode("latin-1"))
    (gold_dir / "attributions" / "doc-d_x.ann").write_text("T1\tSource 0 13\tCafé owners\n",
                                                           encoding="utf-8")
    skipped = []
    articles = read_gold(gold_dir, skipped=skipped)
    assert [a.name for a in articles] == ["doc-a", "doc-b", "doc-d"]
    assert articles[2].text.startswith("Café owners")
    assert [(e.path.rsplit("/", 1)[1], e.reason) for e in skipped] == [
        ("doc-c.txt", "binary file (contains NUL bytes), not text")]
