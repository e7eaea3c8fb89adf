"""Integrity of the shipped quote-attribution gold set (data/gold/quotes): it parses, every span is the text it claims."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimrec.evaluate.brat import EVENT_TYPES, read_gold

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold" / "quotes"
ROLE_LABELS = {"Source": "Source", "Cue": "Cue", "Content": "Content"}


def ann_files() -> list[Path]:
    return sorted((GOLD / "attributions").glob("*.ann"))


def text_for(ann: Path) -> str:
    name = ann.stem.rpartition("_")[0]
    return (GOLD / "text" / f"{name}.txt").read_text(encoding="utf-8")


def parse_lines(ann: Path):
    bounds, events = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        ident, rest = line.split("\t", 1)
        if ident.startswith("T"):
            head, text = rest.split("\t")
            label, offsets = head.split(" ", 1)
            parts = [tuple(int(x) for x in chunk.split()) for chunk in offsets.split(";")]
            bounds[ident] = (label, parts, text)
        else:
            assert ident.startswith("E"), line
            events.append((ident, [arg.split(":") for arg in rest.split()]))
    return bounds, events


def test_every_text_has_one_annotation_file_and_back():
    texts = {p.stem for p in (GOLD / "text").glob("*.txt")}
    anns = {p.stem.rpartition("_")[0] for p in ann_files()}
    assert texts == anns
    assert len(ann_files()) == len(anns)


def test_parses_with_read_gold_and_has_enough_quotes():
    skipped = []
    articles = read_gold(GOLD, skipped=skipped)
    assert skipped == []
    assert len(articles) >= 25
    total = sum(len(a.attributions) for a in articles)
    assert total >= 300
    assert all(a.attributions for a in articles)
    # the event count read_gold sees is the event count on disk: nothing is silently dropped
    assert total == sum(len(parse_lines(p)[1]) for p in ann_files())


@pytest.mark.parametrize("ann", ann_files(), ids=lambda p: p.stem)
def test_spans_are_the_text_they_claim(ann):
    text = text_for(ann)
    bounds, _ = parse_lines(ann)
    for ident, (label, parts, claimed) in bounds.items():
        pieces = [text[s:e] for s, e in parts]
        assert all(0 <= s < e <= len(text) for s, e in parts), ident
        assert " ".join(pieces) == claimed, (ident, claimed)
        assert all(p == p.strip() for p in pieces), (ident, "span has outer whitespace")


@pytest.mark.parametrize("ann", ann_files(), ids=lambda p: p.stem)
def test_events_name_existing_spans_of_the_right_label(ann):
    bounds, events = parse_lines(ann)
    for ident, args in events:
        etype, trigger = args[0]
        assert etype in EVENT_TYPES, ident
        assert bounds[trigger][0] == etype, ident
        roles = {}
        for role, ref in args[1:]:
            assert ref in bounds, (ident, ref)
            assert bounds[ref][0] == ROLE_LABELS[role], (ident, role)
            roles[role] = ref
        assert "Content" in roles, ident
        assert ("Source" in roles) == (etype == "Attribution"), ident


def test_sources_lists_every_file_with_a_url_and_license():
    sources = (GOLD / "SOURCES.md").read_text(encoding="utf-8")
    for path in (GOLD / "text").glob("*.txt"):
        row = next((line for line in sources.splitlines() if line.startswith(f"| `{path.stem}` |")), None)
        assert row is not None, path.stem
        assert re.search(r"<https?://\S+>", row), path.stem
        assert "CC BY 2.5" in row or "public domain" in row, path.stem
