#!/usr/bin/env python
"""Score claimrec on the second generator's cases.

usage: score.py CASES.jsonl RESULTS.jsonl [JOBS]

Each case is diffed with claimrec's library (parses cached in claimrec's default cache, or
CLAIMREC_CACHE_DIR); a case counts as found when a finding of an expected kind has evidence
on the changed words (the source side for a dropped quote). Prints per-kind recall and the
controls' false alarms; RESULTS.jsonl holds every case with the findings that fired.
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from multiprocessing import Pool

HERE = os.path.dirname(os.path.abspath(__file__))
if len(sys.argv) < 3:
    sys.exit("usage: score.py CASES.jsonl RESULTS.jsonl [JOBS]")
CASES, RESULTS = sys.argv[1], sys.argv[2]
JOBS = int(sys.argv[3]) if len(sys.argv) > 3 else 2
CACHE = os.environ.get("CLAIMREC_CACHE_DIR") or None

CONTROLS = {"identical", "whitespace", "quotes_style", "verb_neutral"}
EXPECTED = {
    "entity_swap": {"attribution_changed", "role_swap", "unsupported_addition", "place_changed", "entity_changed",
                    "speaker_variant"},
    "number_change": {"number_changed"},
    "date_change": {"date_changed"},
    "place_change": {"place_changed", "unsupported_addition"},
    "negation": {"stance_flip"},
    "antonym": {"stance_flip", "relation_changed"},
    "role_swap": {"role_swap", "stance_flip", "attribution_changed"},
    "speaker_named": {"attribution_changed"},
    "speaker_anonymous": {"attribution_changed"},
    "quote_altered": {"quote_altered"},
    "quote_fabricated": {"quote_unsourced", "unsupported_addition"},
    "hedge_dropped": {"hedge_dropped", "modality_shift"},       # dropping may/might/could is also a modality shift
    "certainty_raised": {"modality_shift", "hedge_dropped"},    # could->will also drops a hedge
    "fact_added": {"unsupported_addition"},
    "quote_dropped": {"omission"},
}
IGNORE = {"party_contradiction"}


def in_quote(text, a, b):
    """Is [a,b) inside a direct quote (same paragraph heuristic as the generator)?"""
    sys.path.insert(0, HERE)
    from generate import quote_regions  # noqa: E402  (pure function, no spaCy model load)
    return any(qa < max(b, a + 1) and a < qb for qa, qb in quote_regions(text))


def overlaps(span, a, b):
    s, e = span.start, span.end
    if a == b:  # an empty point: evidence must contain it
        return s <= a <= e
    return s < b and a < e


_claimrec = None


def _init():
    global _claimrec
    import claimrec
    from claimrec.models import Article
    _claimrec = (claimrec, Article)


def run_case(args):
    i, r = args
    claimrec, Article = _claimrec
    t0 = time.time()
    src = Article(id="source", path=f"source/{r['article']}", text=r["source"], role="source")
    rw = Article(id="rewrite", path=f"rewrite/{r['article']}", text=r["rewrite"], role="rewrite")
    err = None
    try:
        rep = claimrec.diff(src, rw, cache_dir=CACHE)
        fs = [f for f in rep.findings if f.kind not in IGNORE]
        errors = [str(e) for e in (rep.errors or [])]
        # offsets must refer to the bodies we gave
        body = {a.id: a.text for a in rep.articles}
        if body.get("source") != r["source"] or body.get("rewrite") != r["rewrite"]:
            err = "article text was changed by claimrec; offsets may not match"
    except Exception as exc:  # noqa: BLE001
        fs, errors, err = [], [repr(exc)], repr(exc)
    kind = r["kind"]
    exp = set(EXPECTED.get(kind, ()))
    r0, r1 = r["rewrite_span"]
    s0, s1 = r["source_span"]
    quoted = kind not in CONTROLS and (in_quote(r["source"], s0, s1) or in_quote(r["rewrite"], r0, r1))
    if quoted:
        exp.add("quote_altered")
    fired = []
    detected = anywhere = False
    for f in fs:
        hit = False
        if kind == "quote_dropped":
            hit = any(e.article_id == "source" and overlaps(e, s0, s1) for e in f.evidence)
        else:
            hit = any(e.article_id == "rewrite" and overlaps(e, r0, r1) for e in f.evidence)
        if f.kind in exp:
            anywhere = True
            detected = detected or hit
        fired.append({"kind": f.kind, "severity": f.severity, "summary": f.summary, "at_change": hit,
                      "evidence": [[e.article_id, e.start, e.end, e.text[:120]] for e in f.evidence]})
    if kind == "quote_dropped":
        changed_old, changed_new = r["source"][s0:s1], ""
    else:
        changed_old, changed_new = r["source"][s0:s1], r["rewrite"][r0:r1]
    return {"i": i, "article": r["article"], "kind": kind, "control": kind in CONTROLS,
            "description": r["description"], "old": changed_old[:300], "new": changed_new[:300],
            "source_span": r["source_span"], "rewrite_span": r["rewrite_span"], "in_quote": quoted,
            "expected": sorted(exp), "detected": detected, "detected_anywhere": anywhere,
            "false_alarm": (kind in CONTROLS and bool(fs)), "findings": fired, "errors": errors, "error": err,
            "seconds": round(time.time() - t0, 2)}


def main():
    cases = [json.loads(l) for l in open(CASES)]
    t0 = time.time()
    results = []
    work = list(enumerate(cases))
    if JOBS > 1:
        with Pool(JOBS, initializer=_init) as pool:
            for k, res in enumerate(pool.imap_unordered(run_case, work, chunksize=4)):
                results.append(res)
                if k % 100 == 0:
                    print(f"  {k}/{len(work)}  {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    else:
        _init()
        for k, w in enumerate(work):
            results.append(run_case(w))
            if k % 100 == 0:
                print(f"  {k}/{len(work)}  {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    results.sort(key=lambda x: x["i"])
    with open(RESULTS, "w") as out:
        for res in results:
            out.write(json.dumps(res, ensure_ascii=False) + "\n")

    by = defaultdict(list)
    for res in results:
        by[res["kind"]].append(res)
    print(f"\n{'kind':18s} {'n':>4s} {'at_place':>8s} {'anywhere':>8s}")
    tot = [0, 0, 0]
    for k in EXPECTED:
        rs = by.get(k, [])
        if not rs:
            continue
        n = len(rs)
        a = sum(x["detected"] for x in rs)
        b = sum(x["detected_anywhere"] for x in rs)
        tot = [tot[0] + n, tot[1] + a, tot[2] + b]
        print(f"{k:18s} {n:4d} {a / n:8.2f} {b / n:8.2f}")
    if tot[0]:  # a file of controls only has no distortion line
        print(f"{'ALL distortions':18s} {tot[0]:4d} {tot[1] / tot[0]:8.2f} {tot[2] / tot[0]:8.2f}")
    print(f"\n{'control':18s} {'n':>4s} {'false_alarm_cases':>18s} {'findings':>9s}")
    for k in sorted(CONTROLS):
        rs = by.get(k, [])
        if rs:
            print(f"{k:18s} {len(rs):4d} {sum(x['false_alarm'] for x in rs):18d} {sum(len(x['findings']) for x in rs):9d}")
    errs = [x for x in results if x["error"]]
    print(f"\nerrors: {len(errs)}; wall {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
