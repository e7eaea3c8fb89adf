"""No input text causes an internal error: the example event and the project's own test texts,
whole and damaged (cut short, stray quote marks, brackets, unicode punctuation), through
extract, reconcile and diff. The dataset-wide run is ``benchmarks/stress.py``."""

from __future__ import annotations

import pytest

from claimrec.evaluate.stress import damage, stress
from claimrec.pipeline import PipelineConfig

OWN_TEXTS = [
    ("wrapped", "Clinton campaign chairman John Podesta\nin an email to supporters wrote that the race "
                "was tightening in Florida.\n\n\"We are not worried,\" he added, \"not at all.\n\n"
                "\"The numbers are good,\" said a spokesman, who declined to be named."),
    ("headline", "Pence: Flowers won't be at debate\n\nWASHINGTON (Reuters) - The campaign denied on "
                 "Tuesday that it had ''ever'' paid for the ads, according to a statement.\n"),
]


@pytest.mark.slow
def test_no_internal_error_on_real_and_damaged_text(seed_dir, tmp_path):
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(seed_dir.glob("*.txt"))] + OWN_TEXTS
    wire, rewrite = texts[1][1], texts[0][1]
    result = stress(texts, [("seed", wire, rewrite)], PipelineConfig(cache_dir=str(tmp_path)),
                    events=[[t[0] for t in texts]])
    assert result.runs > 20
    assert result.ok, (result.internal + result.escaped)[:3]


def test_damage_keeps_its_promises():
    import random

    text = "He said: \"It is done.\" (Reuters) — end.\n\nNext paragraph."
    copies = damage(text, random.Random(1))
    assert set(copies) == {"cut", "strays", "cut+strays"}
    assert text.startswith(copies["cut"]) and len(copies["cut"]) < len(text)
    assert len(copies["strays"]) > len(text)
