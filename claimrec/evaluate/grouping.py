"""Event grouping against labelled clusters: pairwise and B-cubed precision, recall, F1.

The labels are a JSONL file of ``{"id": article id, "event": label}`` lines
(ids only, no article text, so a labelled set can live in a repository while
the articles stay where they are). Articles without a label are left out of
the scores. Pairwise scores count article pairs put together; B-cubed scores
average, per article, how much of its predicted cluster shares its event
(precision) and how much of its event shares its predicted cluster (recall),
so one giant cluster or a spray of singletons cannot both look good.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Mapping, Optional, Sequence

from pydantic import BaseModel

from claimrec.models import InputError


class Scores(BaseModel):
    precision: float
    recall: float
    f1: float


class GroupingScores(BaseModel):
    articles: int
    gold_events: int
    gold_multi: int  # events with two or more articles
    predicted_events: int
    pairwise: Scores
    bcubed: Scores
    threshold: float
    skipped: list[InputError] = []


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def read_labels(path: Path) -> dict[str, str]:
    labels: dict[str, str] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        if not isinstance(record, dict) or "id" not in record or "event" not in record:
            raise ValueError(f"{path}:{number}: expected {{\"id\": ..., \"event\": ...}}")
        labels[str(record["id"])] = str(record["event"])
    return labels


def pairwise_scores(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Scores:
    """Precision and recall of "these two articles are one event", over all labelled pairs."""
    ids = [i for i in gold if i in predicted]
    both = Counter((gold[i], predicted[i]) for i in ids)
    same_gold = Counter(gold[i] for i in ids)
    same_pred = Counter(predicted[i] for i in ids)

    def pairs(counter: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    tp, gold_pairs, pred_pairs = pairs(both), pairs(same_gold), pairs(same_pred)
    p = tp / pred_pairs if pred_pairs else 1.0
    r = tp / gold_pairs if gold_pairs else 1.0
    return Scores(precision=round(p, 4), recall=round(r, 4), f1=round(_f1(p, r), 4))


def bcubed_scores(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Scores:
    ids = [i for i in gold if i in predicted]
    if not ids:
        return Scores(precision=0.0, recall=0.0, f1=0.0)
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[str, set[str]] = defaultdict(set)
    for i in ids:
        by_gold[gold[i]].add(i)
        by_pred[predicted[i]].add(i)
    p = r = 0.0
    for i in ids:
        mine, truth = by_pred[predicted[i]], by_gold[gold[i]]
        shared = len(mine & truth)
        p += shared / len(mine)
        r += shared / len(truth)
    p, r = p / len(ids), r / len(ids)
    return Scores(precision=round(p, 4), recall=round(r, 4), f1=round(_f1(p, r), 4))


def score_grouping(gold: Mapping[str, str], predicted: Mapping[str, str], *, threshold: float,
                   skipped: Sequence[InputError] = ()) -> GroupingScores:
    ids = [i for i in gold if i in predicted]
    sizes = Counter(gold[i] for i in ids)
    return GroupingScores(
        articles=len(ids), gold_events=len(sizes), gold_multi=sum(1 for n in sizes.values() if n > 1),
        predicted_events=len({predicted[i] for i in ids}),
        pairwise=pairwise_scores(gold, predicted), bcubed=bcubed_scores(gold, predicted),
        threshold=threshold, skipped=list(skipped))


def grouping_keys(paths: Sequence[str], *, model: Optional[str] = None, settings=None,
                  use_cache: bool = True):
    """The articles under ``paths`` and their grouping keys, as ``claimrec corpus`` computes them."""
    from claimrec.corpus.features import article_keys
    from claimrec.corpus.settings import grouping_settings
    from claimrec.ingest import read_inputs
    from claimrec.nlp import parse_texts

    settings = settings or grouping_settings()
    result = read_inputs(list(paths), assign=False)
    docs = parse_texts([a.text for a in result.articles], model=model, use_cache=use_cache)
    keys = [article_keys(a, d, settings) for a, d in zip(result.articles, docs)]
    return result, keys


def cluster_ids(keys, settings) -> dict[str, str]:
    """Article id -> event id of the clustering ``claimrec corpus`` does for unlabelled articles."""
    from claimrec.corpus.grouping import cluster_events

    predicted = {}
    for event in cluster_events(keys, list(range(len(keys))), settings):
        for i in event.members:
            predicted[keys[i].article_id] = event.event_id
    return predicted


def evaluate_grouping(paths: Sequence[str], labels_path: Path, *, model: Optional[str] = None,
                      settings=None) -> GroupingScores:
    from claimrec.corpus.settings import grouping_settings

    settings = settings or grouping_settings()
    gold = read_labels(labels_path)
    result, keys = grouping_keys(paths, model=model, settings=settings)
    return score_grouping(gold, cluster_ids(keys, settings), threshold=settings.threshold,
                          skipped=result.errors)
