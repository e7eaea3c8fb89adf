"""Grouping scores (pairwise, B-cubed) and corpus grouping on multi-outlet events."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from claimrec.evaluate.grouping import (bcubed_scores, cluster_ids, grouping_keys, pairwise_scores,
                                        read_labels, score_grouping)

TESTS = Path(__file__).resolve().parents[1]
LABELS = TESTS.parent / "benchmarks" / "data" / "polnear-dev-events.jsonl"


def test_pairwise_and_bcubed_on_a_worked_example():
    gold = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "z"}
    predicted = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "3"}
    # predicted pairs: ab, cd; gold pairs: ab, ac, bc -> 1 of 2 right, 1 of 3 found
    pw = pairwise_scores(gold, predicted)
    assert (pw.precision, pw.recall, pw.f1) == (0.5, 0.3333, 0.4)
    b3 = bcubed_scores(gold, predicted)
    # precision per item: a 1, b 1, c 1/2, d 1/2, e 1 -> 0.8; recall: a 2/3, b 2/3, c 1/3, d 1, e 1 -> 0.7333
    assert (b3.precision, b3.recall) == (0.8, 0.7333)
    perfect = score_grouping(gold, {k: v for k, v in gold.items()}, threshold=0.2)
    assert perfect.pairwise.f1 == perfect.bcubed.f1 == 1.0
    assert (perfect.articles, perfect.gold_events, perfect.gold_multi) == (5, 3, 1)


def test_unlabelled_articles_are_left_out():
    assert pairwise_scores({"a": "x"}, {"a": "1", "b": "1"}).f1 == 1.0


def test_the_repository_labels_are_ids_and_events_only():
    labels = read_labels(LABELS)
    assert len(labels) == 84
    multi = {e for e in labels.values() if list(labels.values()).count(e) > 1}
    assert len(multi) == 8 and "first-debate" in multi
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        assert set(json.loads(line)) == {"id", "event"}  # no article text


@pytest.fixture(scope="module")
def mixed_events(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """Three stories of tests/corpus and the clinic and hoax events, in one flat folder."""
    root = tmp_path_factory.mktemp("mixed")
    gold: dict[str, str] = {}
    for event in ("clinic", "hoax"):
        for path in (TESTS / "fixtures" / "events" / event).glob("*.txt"):
            shutil.copy(path, root / path.name)
            gold[path.stem] = event
    stories = json.loads((TESTS / "corpus" / "stories.json").read_text(encoding="utf-8"))["events"]
    for event, articles in stories.items():
        for name, text in articles.items():
            (root / f"{name}.txt").write_text(text, encoding="utf-8")
            gold[name] = event
    return root, gold


def test_reports_of_one_event_by_several_outlets_group_together(mixed_events, nlp):
    """Four reports of the clinic story and four of the hoax: one event each, never split."""
    root, gold = mixed_events
    from claimrec.corpus.settings import grouping_settings

    _, keys = grouping_keys([str(root)])
    scores = score_grouping(gold, cluster_ids(keys, grouping_settings()), threshold=0.0)
    assert scores.pairwise.recall == 1.0
    assert scores.pairwise.precision == 1.0
