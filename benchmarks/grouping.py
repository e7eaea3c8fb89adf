"""Corpus event grouping against labelled clusters (pairwise and B-cubed F1).

The labels (``data/polnear-dev-events.jsonl``) are article ids and event names only: the
84 PolNeAR dev articles read one by one and grouped by the story they report (the first
presidential debate, Trump's taxes, the candidates' health, Clinton's emails, the NY/NJ
bombings, ...); 36 articles fall into 8 multi-article events, 48 report stories no other
article covers. The texts stay in the dataset folder.

    .venv/bin/python benchmarks/grouping.py [--labels FILE] [--text DIR] [--sweep 0.1,0.2,0.3]
                                            [--dates-from-names]

PolNeAR's texts carry no publication date, so grouping runs on text alone; with
``--dates-from-names`` each article gets the date its file name holds (as a feed's
metadata would give it) and the date window applies too.

Prints a Markdown table and writes results/grouping.{json,md}. The sweep rows show how
the threshold trades precision for recall; the first row is the shipped setting
(data/lexicons/grouping.json).
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from benchlib import data_dir, environment, md_table, save  # noqa: E402

from claimrec.corpus.settings import grouping_settings  # noqa: E402
from claimrec.evaluate.grouping import (cluster_ids, grouping_keys, read_labels,  # noqa: E402
                                        score_grouping)


def _date_in(name: str):
    m = re.search(r"(?:19|20)\d{2}-\d{2}-\d{2}", name)
    return m.group(0) if m else None


def _singletons(gold):
    return {i: f"solo-{i}" for i in gold}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=HERE / "data" / "polnear-dev-events.jsonl")
    parser.add_argument("--text", type=Path, default=None, help="folder of the labelled articles")
    parser.add_argument("--sweep", default="0.1,0.15,0.2,0.25,0.3,0.4",
                        help="comma-separated thresholds to compare with the shipped one")
    parser.add_argument("--dates-from-names", action="store_true",
                        help="date each article by the YYYY-MM-DD in its id (file name)")
    args = parser.parse_args()
    text = args.text or data_dir() / "polnear-dev" / "text"
    gold = read_labels(args.labels)
    shipped = grouping_settings()
    started = time.perf_counter()
    result, keys = grouping_keys([str(text)], settings=shipped)
    if args.dates_from_names:
        keys = [dataclasses.replace(k, published=_date_in(k.article_id) or k.published) for k in keys]
    rows, runs = [], []
    baselines = [("every article alone", _singletons(gold)),
                 ("all in one event", {i: "all" for i in gold})]
    for name, predicted in baselines:
        s = score_grouping(gold, predicted, threshold=float("nan"))
        runs.append({"setting": name, **s.model_dump(exclude={"skipped"})})
        rows.append([name, "-", s.predicted_events, s.pairwise.precision, s.pairwise.recall,
                     s.pairwise.f1, s.bcubed.precision, s.bcubed.recall, s.bcubed.f1])
    thresholds = [shipped.threshold] + [float(t) for t in args.sweep.split(",") if t.strip()]
    seen = set()
    for t in thresholds:
        if t in seen:
            continue
        seen.add(t)
        settings = shipped.model_copy(update={"threshold": t})
        s = score_grouping(gold, cluster_ids(keys, settings), threshold=t)
        name = "claimrec (shipped)" if t == shipped.threshold and len(seen) == 1 else "claimrec"
        runs.append({"setting": name, **s.model_dump(exclude={"skipped"})})
        rows.append([name, t, s.predicted_events, s.pairwise.precision, s.pairwise.recall,
                     s.pairwise.f1, s.bcubed.precision, s.bcubed.recall, s.bcubed.f1])
    header = ["grouping", "threshold", "events", "pair P", "pair R", "pair F1", "B3 P", "B3 R", "B3 F1"]
    table = md_table(header, rows)
    labelled = score_grouping(gold, _singletons(gold), threshold=0.0)
    intro = (f"{labelled.articles} articles, {labelled.gold_events} labelled events "
             f"({labelled.gold_multi} with two or more articles); labels: {args.labels.name}; "
             f"{'dates from file names' if args.dates_from_names else 'text only, no dates'}\n\n")
    print(intro + table)
    name = "grouping-dated" if args.dates_from_names else "grouping"
    save(name, {"labels": str(args.labels.name), "dates_from_names": args.dates_from_names, "runs": runs,
                      "seconds": round(time.perf_counter() - started, 1), "environment": environment()},
         "# Event grouping on labelled PolNeAR dev clusters\n\n" + intro + table + "\n")


if __name__ == "__main__":
    main()
