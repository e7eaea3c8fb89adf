"""(3) How reconcile time grows: with articles per event, and with corpus size.

Per event: one event of 10, 50, 200 and 1,000 real articles (the 233 distinct
PolNeAR and FRANK texts, blended, cycled with distinct ids past 233), ingested as
claimrec ingests them (cleaning, roles), parses from a warm parse cache, then
`reconcile_articles` in-process, twice: first with an empty analysis cache (every
article annotated and extracted; copies of one text share its cached annotation, as
syndicated copies do), then again with the analysis cache warm (only the
cross-article stages: party building, alignment, detection). Stage timings are the
report's own (`Report.stats["seconds"]`); `analyse` is everything after the parse.
Corpus: `run_corpus` over 56, 112, 224 and 448 articles (the same 14 events of 4,
repeated), warm cache.

    python benchmarks/scaling.py [--sizes 10,50,200,1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from benchlib import all_distinct, md_table, median, save, slope, write_corpus_jsonl, write_folder

STAGES = ("annotate", "extract", "resolve", "align", "detect")


def _cycled(texts, n):
    return [(f"a{i:05d}-{texts[i % len(texts)][0]}", texts[i % len(texts)][1]) for i in range(n)]


def _projected(rows: list[dict], n: int) -> float:
    """Time the next size would take, on the growth seen so far (linear if one point)."""
    done = [r for r in rows if not r.get("skipped")]
    last = done[-1]
    power = 1.0
    if len(done) >= 2:
        power = max(1.0, slope([done[-2]["articles"], last["articles"]],
                               [done[-2]["cold"]["analyse_s"], last["cold"]["analyse_s"]]))
    return last["cold"]["analyse_s"] * (n / last["articles"]) ** power


def _timed_reconcile(articles, config) -> dict:
    from claimrec.pipeline import reconcile_articles

    started = time.perf_counter()
    report = reconcile_articles(articles, config)
    total = time.perf_counter() - started
    seconds = report.stats["seconds"]
    analyse = total - seconds.get("parse", 0.0)
    return {"total_s": total, "analyse_s": analyse, "per_article_ms": 1000 * analyse / len(articles),
            "stages_s": {s: seconds.get(s, 0.0) for s in ("parse",) + STAGES},
            "cached": report.stats.get("cached"), "claims": len(report.claims),
            "findings": len(report.findings), "alignments": len(report.alignments)}


def event_scaling(sizes, texts, cache: Path, budget: float, repeat: int) -> list[dict]:
    import shutil

    from claimrec.pipeline import PipelineConfig, ingest_paths, reconcile_articles

    rows = []
    with tempfile.TemporaryDirectory(prefix="claimrec-bench-") as tmp:
        # one untimed event first: lazy imports and lexicon loads are paid once per process
        warm = write_folder(texts[:3], Path(tmp) / "warm")
        config = PipelineConfig(cache_dir=str(cache))
        reconcile_articles(ingest_paths([str(warm)], config)[0], config)
        for n in sizes:
            if rows and _projected(rows, n) * 2 * repeat > budget:
                rows.append({"articles": n, "skipped": True, "projected_s": _projected(rows, n)})
                print(f"event of {n}: skipped, projected {rows[-1]['projected_s']:.0f}s "
                      f"> budget {budget:.0f}s", flush=True)
                continue
            folder = write_folder(_cycled(texts, n), Path(tmp) / f"event{n}")
            articles, _ = ingest_paths([str(folder)], config)
            cold, warm_runs = [], []
            for _ in range(repeat):
                shutil.rmtree(cache / "analysis", ignore_errors=True)  # the parse cache stays warm
                cold.append(_timed_reconcile(articles, config))
                warm_runs.append(_timed_reconcile(articles, config))
            roles = {r: sum(1 for a in articles if a.role == r) for r in ("source", "rewrite", "peer")}
            row = {"articles": len(articles), "roles": roles,
                   "cold": _median_run(cold), "warm": _median_run(warm_runs),
                   "runs": {"cold": cold, "warm": warm_runs}}
            rows.append(row)
            print(f"event of {n}: analyse {row['cold']['analyse_s']:.2f}s cold, "
                  f"{row['warm']['analyse_s']:.2f}s warm; stages cold {row['cold']['stages_s']}, "
                  f"warm {row['warm']['stages_s']}", flush=True)
    return rows


def _median_run(runs: list[dict]) -> dict:
    """The run with the median analyse time, its stage times replaced by per-stage medians."""
    ordered = sorted(runs, key=lambda r: r["analyse_s"])
    mid = dict(ordered[len(ordered) // 2])
    mid["stages_s"] = {s: median([r["stages_s"][s] for r in runs]) for s in runs[0]["stages_s"]}
    return mid


def corpus_scaling(sizes, texts, cache: Path) -> list[dict]:
    from claimrec.corpus import run_corpus
    from claimrec.pipeline import PipelineConfig

    rows = []
    with tempfile.TemporaryDirectory(prefix="claimrec-bench-") as tmp:
        # one untimed run first: lazy imports and lexicon loads are paid once per process
        warm = write_corpus_jsonl(texts, Path(tmp) / "warm.jsonl", 8, per_event=4)
        run_corpus(str(warm), PipelineConfig(cache_dir=str(cache)), output=Path(tmp) / "w.out",
                   quiet=True)
        # Every size repeats the same events (the first size's texts, cycled with
        # distinct ids), so the work per article is equal by construction and
        # the growth shows corpus-level costs alone: grouping, streaming, cache.
        base = texts[: sizes[0] - sizes[0] % 4]
        for n in sizes:
            corpus = write_corpus_jsonl(base, Path(tmp) / f"corpus{n}.jsonl", n, per_event=4)
            out = Path(tmp) / f"out{n}.jsonl"
            started = time.perf_counter()
            run_corpus(str(corpus), PipelineConfig(cache_dir=str(cache)), output=out, quiet=True)
            wall = time.perf_counter() - started
            rows.append({"articles": n, "events": -(-n // 4), "wall_s": wall,
                         "per_article_ms": 1000 * wall / n})
            print(f"corpus of {n}: {wall:.2f}s", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,50,200,1000")
    parser.add_argument("--corpus-sizes", default="56,112,224,448")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (medians are reported)")
    parser.add_argument("--budget", type=float, default=1800.0,
                        help="skip an event size whose projected time exceeds this (s)")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    corpus_sizes = [int(x) for x in args.corpus_sizes.split(",")] if args.corpus_sizes else []

    from claimrec.nlp import parse_texts

    texts = all_distinct()
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory(prefix="claimrec-cache-") as cache_dir:
        cache = Path(cache_dir)
        # warm the parse cache with every distinct text once, through ingestion's cleaning
        from claimrec.pipeline import PipelineConfig, ingest_paths

        with tempfile.TemporaryDirectory() as tmp:
            folder = write_folder(texts, Path(tmp) / "all")
            articles, _ = ingest_paths([str(folder)], PipelineConfig())
            parse_texts([a.text for a in articles], cache_dir=cache)
        events = event_scaling(sizes, texts, cache, args.budget, args.repeat)
        load.append(os.getloadavg()[0])
        corpora = corpus_scaling(corpus_sizes, texts, cache) if corpus_sizes else []
    load.append(os.getloadavg()[0])

    measured = [r for r in events if not r.get("skipped")]
    big = [r for r in measured if r["articles"] >= 50]
    slopes: dict = {}
    for mode in ("cold", "warm"):
        if len(big) < 2:
            break
        xs = [r["articles"] for r in big]
        slopes[mode] = {"analyse": slope(xs, [r[mode]["analyse_s"] for r in big])}
        for stage in STAGES:
            ys = [r[mode]["stages_s"][stage] for r in big]
            if all(y > 0 for y in ys):
                slopes[mode][stage] = slope(xs, ys)
    corpus_slope = slope([r["articles"] for r in corpora], [r["wall_s"] for r in corpora]) \
        if len(corpora) >= 2 else None
    data = {"repeat": args.repeat, "statistic": "median", "load_average_1min": load,
            "per_event": events, "loglog_slope_50_up": slopes,
            "corpus": corpora, "corpus_loglog_slope": corpus_slope}

    rows = []
    for r in events:
        if r.get("skipped"):
            rows.append([r["articles"], "-", "-", f"skipped: projected {r['projected_s']:.0f} s"]
                        + ["-"] * (4 + len(STAGES)))
            continue
        for mode in ("cold", "warm"):
            m = r[mode]
            rows.append([r["articles"] if mode == "cold" else "", mode,
                         f"{m['cached']['analyses']}/{m['cached']['annotations']}",
                         f"{r['roles']['source']}/{r['roles']['rewrite']}/{r['roles']['peer']}",
                         m["claims"], m["findings"], m["analyse_s"], m["per_article_ms"]]
                        + [m["stages_s"][s] for s in STAGES])
    top = big[-1]["articles"] if big else sizes[-1]

    def slope_line(mode: str) -> str:
        if mode not in slopes:
            return f"{mode}: n/a"
        per = ", ".join(f"{k} {v:.2f}" for k, v in slopes[mode].items() if k != "analyse")
        return f"{mode} analysis cache: **{slopes[mode]['analyse']:.2f}** (per stage: {per})"

    md = (f"Reconcile time for one event after the parse (warm parse cache), median of {args.repeat} "
          f"runs per size and mode; `cold` = empty analysis cache, `warm` = the same event again. "
          f"1-minute load average {min(load):.1f}-{max(load):.1f} on {os.cpu_count()} cores.\n\n"
          + md_table(["articles", "analysis cache", "cached analyses/annotations", "source/rewrite/peer",
                      "claims", "findings", "analyse s", "ms/article"] + [f"{s} s" for s in STAGES], rows)
          + f"\nlog-log slope of analyse time, 50 -> {top} articles (1.0 = linear): "
          + slope_line("cold") + "; " + slope_line("warm") + "\n")
    if corpora:
        md += ("\nCorpus runs (`run_corpus`, the same events of 4 repeated, warm cache):\n\n"
               + md_table(["articles", "events", "seconds", "ms/article"],
                          [[r["articles"], r["events"], r["wall_s"], r["per_article_ms"]] for r in corpora])
               + f"\nlog-log slope of corpus time: **{corpus_slope:.2f}**\n")
    save("scaling", data, md)


if __name__ == "__main__":
    main()
