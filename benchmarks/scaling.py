"""(3) How reconcile time grows: with articles per event, and with corpus size.

Per event: one event of 10, 50, 200 and 1,000 real articles (the 233 distinct
PolNeAR and FRANK texts, blended, cycled with distinct ids past 233), ingested as
claimrec ingests them (cleaning, roles), Docs from a warm parse cache, then
`reconcile_articles` timed in-process, stage by stage. Corpus: `run_corpus`
over 56, 112, 224 and 448 articles (the same 14 events of 4, repeated), warm cache.

    python benchmarks/scaling.py [--sizes 10,50,200,1000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchlib import all_distinct, md_table, save, slope, write_corpus_jsonl, write_folder


def _cycled(texts, n):
    return [(f"a{i:05d}-{texts[i % len(texts)][0]}", texts[i % len(texts)][1]) for i in range(n)]


def _projected(rows: list[dict], n: int) -> float:
    """Time the next size would take, on the growth seen so far (linear if one point)."""
    done = [r for r in rows if not r.get("skipped")]
    last = done[-1]
    power = 1.0
    if len(done) >= 2:
        power = max(1.0, slope([done[-2]["articles"], last["articles"]],
                               [done[-2]["analyse_s"], last["analyse_s"]]))
    return last["analyse_s"] * (n / last["articles"]) ** power


def event_scaling(sizes, texts, cache: Path, budget: float) -> list[dict]:
    from claimrec.align import align_articles
    from claimrec.detect import detect_findings
    from claimrec.pipeline import PipelineConfig, extract_all, ingest_paths, parse_articles
    from claimrec.resolve import resolve_parties

    from claimrec.pipeline import reconcile_articles

    rows = []
    with tempfile.TemporaryDirectory(prefix="claimrec-bench-") as tmp:
        # one untimed event first: lazy imports and lexicon loads are paid once per process
        warm = write_folder(texts[:3], Path(tmp) / "warm")
        config = PipelineConfig(cache_dir=str(cache))
        reconcile_articles(ingest_paths([str(warm)], config)[0], config)
        for n in sizes:
            if rows and _projected(rows, n) > budget:
                rows.append({"articles": n, "skipped": True, "projected_s": _projected(rows, n)})
                print(f"event of {n}: skipped, projected {rows[-1]['projected_s']:.0f}s "
                      f"> budget {budget:.0f}s", flush=True)
                continue
            folder = write_folder(_cycled(texts, n), Path(tmp) / f"event{n}")
            config = PipelineConfig(cache_dir=str(cache))
            articles, _ = ingest_paths([str(folder)], config)
            stages = {}
            started = time.perf_counter()
            docs = parse_articles(articles, config)
            stages["load_docs"] = time.perf_counter() - started
            t = time.perf_counter()
            claims = extract_all(articles, docs)
            stages["extract"] = time.perf_counter() - t
            t = time.perf_counter()
            parties, claims = resolve_parties(articles, claims, docs=docs)
            stages["resolve"] = time.perf_counter() - t
            t = time.perf_counter()
            alignments, derivations = align_articles(articles, docs, claims)
            stages["align"] = time.perf_counter() - t
            t = time.perf_counter()
            findings = detect_findings(articles, docs, claims, parties, alignments, derivations)
            stages["detect"] = time.perf_counter() - t
            total = time.perf_counter() - started
            analyse = total - stages["load_docs"]
            roles = {r: sum(1 for a in articles if a.role == r) for r in ("source", "rewrite", "peer")}
            rows.append({"articles": len(articles), "claims": len(claims),
                         "findings": len(findings), "roles": roles, "total_s": total,
                         "analyse_s": analyse, "per_article_ms": 1000 * analyse / len(articles),
                         "stages_s": stages})
            print(f"event of {len(articles)}: {analyse:.2f}s analyse, stages {stages}", flush=True)
    return rows


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
    parser.add_argument("--budget", type=float, default=900.0,
                        help="skip an event size whose projected analyse time exceeds this (s)")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    corpus_sizes = [int(x) for x in args.corpus_sizes.split(",")]

    from claimrec.nlp import parse_texts

    texts = all_distinct()
    with tempfile.TemporaryDirectory(prefix="claimrec-cache-") as cache_dir:
        cache = Path(cache_dir)
        # warm the cache with every distinct text once, through ingestion's cleaning
        from claimrec.pipeline import PipelineConfig, ingest_paths

        with tempfile.TemporaryDirectory() as tmp:
            folder = write_folder(texts, Path(tmp) / "all")
            articles, _ = ingest_paths([str(folder)], PipelineConfig())
            parse_texts([a.text for a in articles], cache_dir=cache)
        events = event_scaling(sizes, texts, cache, args.budget)
        corpora = corpus_scaling(corpus_sizes, texts, cache)

    measured = [r for r in events if not r.get("skipped")]
    big = [r for r in measured if r["articles"] >= 50]
    event_slope = slope([r["articles"] for r in big], [r["analyse_s"] for r in big]) \
        if len(big) >= 2 else None
    stage_slopes = {}
    if len(big) >= 2:
        for stage in big[0]["stages_s"]:
            if all(r["stages_s"][stage] > 0 for r in big):
                stage_slopes[stage] = slope([r["articles"] for r in big],
                                            [r["stages_s"][stage] for r in big])
    corpus_slope = slope([r["articles"] for r in corpora], [r["wall_s"] for r in corpora])
    data = {"per_event": events, "per_event_loglog_slope_50_up": event_slope,
            "per_stage_loglog_slope_50_up": stage_slopes,
            "corpus": corpora, "corpus_loglog_slope": corpus_slope}
    stage_names = list(measured[0]["stages_s"])
    rows = []
    for r in events:
        if r.get("skipped"):
            rows.append([r["articles"], "-", "-", "-", f"skipped: projected {r['projected_s']:.0f}",
                         "-"] + ["-" for _ in stage_names])
            continue
        rows.append([r["articles"], r["claims"], r["findings"],
                     f"{r['roles']['source']}/{r['roles']['rewrite']}/{r['roles']['peer']}",
                     r["analyse_s"], r["per_article_ms"]]
                    + [r["stages_s"][s] for s in stage_names])
    top = big[-1]["articles"] if big else sizes[-1]
    md = ("Reconcile time for one event (warm parse cache; `analyse` = everything after "
          "loading the Docs).\n\n"
          + md_table(["articles", "claims", "findings", "source/rewrite/peer", "analyse s",
                      "ms/article"] + [f"{s} s" for s in stage_names], rows)
          + f"\nlog-log slope of analyse time, 50 -> {top} articles: "
          + (f"**{event_slope:.2f}** (1.0 = linear)" if event_slope is not None else "n/a")
          + ("; per stage: " + ", ".join(f"{k} {v:.2f}" for k, v in stage_slopes.items())
             if stage_slopes else "") + "\n"
          + "\nCorpus runs (`run_corpus`, the same events of 4 repeated, warm cache):\n\n"
          + md_table(["articles", "events", "seconds", "ms/article"],
                     [[r["articles"], r["events"], r["wall_s"], r["per_article_ms"]]
                      for r in corpora])
          + f"\nlog-log slope of corpus time: **{corpus_slope:.2f}**\n")
    save("scaling", data, md)


if __name__ == "__main__":
    main()
