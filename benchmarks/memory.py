"""(4) Peak memory (ru_maxrss of each command's own process).

`claimrec corpus` streams event by event, so its peak should stay flat as the
corpus grows; `claimrec extract` over the same articles holds every Doc at
once and is shown for contrast. Both read Docs from a warm parse cache (the
parse itself is in speed.py), over JSONL corpora of N and 8N real articles
(233 distinct texts, cycled with distinct ids; events of 4).

    python benchmarks/memory.py [--sizes 116,932]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchlib import CLAIMREC, all_distinct, md_table, run, save, write_corpus_jsonl


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="116,932")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    texts = all_distinct()
    rows, data = [], {"runs": []}
    with tempfile.TemporaryDirectory(prefix="claimrec-bench-") as tmp:
        tmp_path = Path(tmp)
        cache = tmp_path / "cache"
        warm = write_corpus_jsonl(texts, tmp_path / "warm.jsonl", len(texts), per_event=4)
        run(CLAIMREC + ["extract", str(warm), "--cache-dir", str(cache), "-q", "-f", "json",
                        "-o", str(tmp_path / "warm.json")])
        for n in sizes:
            corpus = write_corpus_jsonl(texts, tmp_path / f"c{n}.jsonl", n, per_event=4)
            common = ["--cache-dir", str(cache), "-q"]
            streamed = run(CLAIMREC + ["corpus", str(corpus), *common,
                                       "-o", str(tmp_path / f"c{n}.out.jsonl")])
            held = run(CLAIMREC + ["extract", str(corpus), *common, "-f", "json",
                                   "-o", str(tmp_path / f"e{n}.json")])
            data["runs"].append({"articles": n, "corpus_peak_mb": streamed.max_rss_mb,
                                 "corpus_wall_s": streamed.wall,
                                 "extract_peak_mb": held.max_rss_mb, "extract_wall_s": held.wall})
            rows.append([n, streamed.max_rss_mb, held.max_rss_mb])
            print(rows[-1], flush=True)
    first, last = data["runs"][0], data["runs"][-1]
    data["corpus_growth"] = last["corpus_peak_mb"] / first["corpus_peak_mb"]
    data["extract_growth"] = last["extract_peak_mb"] / first["extract_peak_mb"]
    md = ("Peak RSS (MB) of the whole process, warm parse cache.\n\n"
          + md_table(["articles", "`claimrec corpus` (streams)", "`claimrec extract` (holds all)"],
                     rows)
          + f"\nFrom {sizes[0]} to {sizes[-1]} articles the corpus peak grows "
            f"{data['corpus_growth']:.2f}x, extract's {data['extract_growth']:.2f}x.\n")
    save("memory", data, md)


if __name__ == "__main__":
    main()
