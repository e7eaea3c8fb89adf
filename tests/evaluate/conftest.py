"""A tiny brat attribution corpus written for these tests (PolNeAR layout)."""

from __future__ import annotations

from pathlib import Path

import pytest

TEXT_A = ('"We will appeal the ruling," the company\'s lawyer said.\n'
          "Inflation rose to 5 percent in May, according to the central bank.\n"
          "The weather was mild.\n")

TEXT_B = "It is widely said that the merger would hurt consumers. Prices are rising.\n"


def span(text: str, piece: str, start: int = 0) -> tuple[int, int]:
    i = text.index(piece, start)
    return i, i + len(piece)


def t_line(tid: str, label: str, text: str, *pieces: str) -> str:
    parts = [span(text, p) for p in pieces]
    offsets = ";".join(f"{s} {e}" for s, e in parts)
    return f"{tid}\t{label} {offsets}\t{' '.join(text[s:e] for s, e in parts)}"


def write_corpus(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "doc-a.txt").write_text(TEXT_A, encoding="utf-8")
    (root / "text" / "doc-b.txt").write_text(TEXT_B, encoding="utf-8")
    ann_a = "\n".join([
        # the event names ids defined further down the file
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        t_line("T1", "Content", TEXT_A, '"We will appeal the ruling,"'),
        t_line("T2", "Source", TEXT_A, "the company's lawyer"),
        t_line("T3", "Cue", TEXT_A, "said"),
        t_line("T4", "Attribution", TEXT_A, "said"),
        t_line("T5", "Content", TEXT_A, "Inflation rose to 5 percent in May"),
        t_line("T6", "Cue", TEXT_A, "according to"),
        t_line("T7", "Source", TEXT_A, "the central bank"),
        t_line("T8", "Attribution", TEXT_A, "according to"),
        "E2\tAttribution:T8 Content:T5 Cue:T6 Source:T7",
        "this line is not brat at all",
        t_line("T9", "Discard", TEXT_A, "The weather was mild."),
    ]) + "\n"
    (root / "attributions" / "doc-a_aaaa.ann").write_text(ann_a, encoding="utf-8")
    # a second annotator of doc-a: sorts later, so it is never used
    (root / "attributions" / "doc-a_zzzz.ann").write_text("", encoding="utf-8")
    ann_b = "\n".join([
        t_line("T1", "Content", TEXT_B, "that the merger", "would hurt consumers"),
        t_line("T2", "Cue", TEXT_B, "said"),
        t_line("T3", "Attribution-no-source", TEXT_B, "said"),
        "E1\tAttribution-no-source:T3 Content:T1 Cue:T2",
    ]) + "\n"
    (root / "attributions" / "doc-b_aaaa.ann").write_text(ann_b, encoding="utf-8")
    return root


@pytest.fixture()
def gold_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("CLAIMREC_CACHE_DIR", str(tmp_path / "cache"))
    return write_corpus(tmp_path / "gold")
