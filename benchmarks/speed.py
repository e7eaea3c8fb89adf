"""(1) `claimrec extract --no-cache` against a bare nlp.pipe parse; (2) cold vs warm cache.

Both on the issue's 168 real articles (84 PolNeAR + the first 84 distinct FRANK
articles), each command in a fresh process, runs interleaved so drift hits
both sides alike. Speed is reported as ratios within this run: wall time
(the target) and CPU time (user+system of the process: less sensitive to other
load on a shared machine); each the best of ``--repeat`` runs.

    python benchmarks/speed.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchlib import CLAIMREC, HERE, PYTHON, best, md_table, run, sample_168, save, write_folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from claimrec.nlp import BATCH_SIZE, resolve_model_name

    model = resolve_model_name()
    runs: dict[str, list] = {"bare": [], "extract": [], "cold": [], "warm": []}
    with tempfile.TemporaryDirectory(prefix="claimrec-bench-") as tmp:
        tmp_path = Path(tmp)
        folder = write_folder(sample_168(), tmp_path / "articles")
        out = tmp_path / "out.json"
        extract = CLAIMREC + ["extract", str(folder), "--no-cache", "-q", "-f", "json",
                              "-o", str(out)]
        bare = [PYTHON, str(HERE / "bare_parse.py"), model, str(folder), str(BATCH_SIZE)]
        for i in range(args.repeat):
            runs["bare"].append(run(bare))
            runs["extract"].append(run(extract))
            cached = CLAIMREC + ["extract", str(folder), "--cache-dir", str(tmp_path / f"c{i}"),
                                 "-q", "-f", "json", "-o", str(out)]
            runs["cold"].append(run(cached))
            runs["warm"].append(run(cached))

    wall = {k: best([r.wall for r in v]) for k, v in runs.items()}
    cpu = {k: best([r.cpu for r in v]) for k, v in runs.items()}
    data = {
        "articles": 168, "repeat": args.repeat, "batch_size": BATCH_SIZE,
        "wall_s": {k: [r.wall for r in v] for k, v in runs.items()},
        "cpu_s": {k: [r.cpu for r in v] for k, v in runs.items()},
        "peak_rss_mb": {k: max(r.max_rss_mb for r in v) for k, v in runs.items()},
        "extract_over_bare_wall": wall["extract"] / wall["bare"],
        "extract_over_bare_cpu": cpu["extract"] / cpu["bare"],
        "cold_over_warm_wall": wall["cold"] / wall["warm"],
        "cold_over_warm_cpu": cpu["cold"] / cpu["warm"],
    }
    names = {"bare": "bare `nlp.pipe` (fresh process)", "extract": "`claimrec extract --no-cache`",
             "cold": "`claimrec extract`, cold cache", "warm": "`claimrec extract`, warm cache"}
    rows = [[names[k], wall[k], f"{wall[k] / wall['bare']:.2f}", cpu[k],
             f"{cpu[k] / cpu['bare']:.2f}", f"{data['peak_rss_mb'][k]:.0f}"] for k in names]
    md = (f"168 real articles, each command a fresh process, best of {args.repeat} "
          f"(model {model}, batch {BATCH_SIZE}, one process).\n\n"
          + md_table(["run", "wall s", "wall x bare", "cpu s", "cpu x bare", "peak MB"], rows)
          + f"\nextract / bare parse: **{data['extract_over_bare_wall']:.2f}x** wall, "
            f"{data['extract_over_bare_cpu']:.2f}x cpu (target <= 1.3). "
            f"Cold / warm cache: **{data['cold_over_warm_wall']:.1f}x** wall, "
            f"{data['cold_over_warm_cpu']:.1f}x cpu (target >= 3).\n")
    save("speed", data, md)


if __name__ == "__main__":
    main()
