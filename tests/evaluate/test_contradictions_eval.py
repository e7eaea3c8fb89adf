"""claimrec eval contradictions: findings matched to judged ones by article and side offsets."""

from __future__ import annotations

import json
from pathlib import Path

from claimrec.evaluate.contradictions import evaluate_contradictions, find_judgement, Judgement

ROOT = Path(__file__).resolve().parents[2]
JUDGED = ROOT / "data" / "judged" / "contradictions-dev.jsonl"


def test_the_judged_set_is_offsets_and_verdicts_only():
    rows = [json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 40
    for row in rows:
        Judgement.model_validate(row)
        assert set(row) <= {"article", "sides", "verdict", "reason", "severity", "judged_at"}


def test_example_event_contradictions_are_judged_right(tmp_path):
    scores = evaluate_contradictions(ROOT / "data" / "examples", JUDGED)
    assert scores.findings == 2 and scores.judged == 2 and scores.precision == 1.0
    assert scores.high_precision == 1.0 and not scores.unjudged


def test_a_finding_matches_only_a_judgement_of_its_own_article_and_sides():
    j = Judgement(article="e", sides=[("a", 10, 20), ("b", 30, 40)], verdict=True)
    assert find_judgement([j], [("a", 12, 18), ("b", 35, 60)]) is j
    assert find_judgement([j], [("a", 12, 18), ("a", 35, 60)]) is None
    assert find_judgement([j], [("a", 20, 25), ("b", 35, 60)]) is None


def test_a_wrong_verdict_lowers_precision(tmp_path):
    rows = [json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        if row["article"] == "meta-kazakhstan" and row["sides"][0][1] == 191:
            row["verdict"] = False
    judged = tmp_path / "judged.jsonl"
    judged.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    scores = evaluate_contradictions(ROOT / "data" / "examples", judged)
    assert scores.precision == 0.5
