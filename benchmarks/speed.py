"""(1) cold extract vs a bare parse; (2) cold vs warm cache; (3) --jobs 2 vs --jobs 1.

All on the issue's 168 real articles (84 PolNeAR + the first 84 distinct FRANK
articles), each command a fresh process, every command once per round and the
rounds repeated, so drift on a shared machine hits every command alike. Figures
are ratios of medians within this run: wall time (the targets) and CPU time
(user+system of the process and the workers it waited for).

- bare: `bare_parse.py`, spaCy alone: load the model, `nlp.pipe` the texts;
- extract --no-cache: the whole of `claimrec extract` (parse, annotation, extraction,
  parties, JSON), one process;  --jobs 2: the same with two worker processes;
- cold / warm: `claimrec extract` with an empty cache folder, then again;
- warm parse only: the same with the parse cache warm and the analysis cache
  removed (what a rerun cost before the analysis cache);
- reconcile cold / warm: `claimrec reconcile` with an empty cache, then again.

    python benchmarks/speed.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from benchlib import CLAIMREC, HERE, PYTHON, md_table, median, run, sample_168, save, write_folder

NAMES = {
    "bare": "bare `nlp.pipe` (spaCy only)",
    "nocache": "`claimrec extract --no-cache`",
    "jobs2": "`claimrec extract --no-cache --jobs 2`",
    "cold": "`claimrec extract`, empty cache",
    "warm": "`claimrec extract`, warm cache",
    "parse_only": "`claimrec extract`, warm parse cache only",
    "reconcile_cold": "`claimrec reconcile`, empty cache",
    "reconcile_warm": "`claimrec reconcile`, warm cache",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from claimrec.nlp import BATCH_SIZE, resolve_model_name

    model = resolve_model_name()
    runs: dict[str, list] = {k: [] for k in NAMES}
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory(prefix="claimrec-bench-") as tmp:
        tmp_path = Path(tmp)
        folder = write_folder(sample_168(), tmp_path / "articles")
        out = ["-q", "-f", "json", "-o", str(tmp_path / "out.json")]
        bare = [PYTHON, str(HERE / "bare_parse.py"), model, str(folder), str(BATCH_SIZE)]
        extract = CLAIMREC + ["extract", str(folder)] + out
        reconcile = CLAIMREC + ["reconcile", str(folder)] + out
        for i in range(args.repeat):
            cache, rcache = tmp_path / f"c{i}", tmp_path / f"r{i}"
            runs["bare"].append(run(bare))
            runs["nocache"].append(run(extract + ["--no-cache"]))
            runs["jobs2"].append(run(extract + ["--no-cache", "--jobs", "2"]))
            runs["cold"].append(run(extract + ["--cache-dir", str(cache)]))
            runs["warm"].append(run(extract + ["--cache-dir", str(cache)]))
            shutil.rmtree(cache / "analysis")
            runs["parse_only"].append(run(extract + ["--cache-dir", str(cache)]))
            runs["reconcile_cold"].append(run(reconcile + ["--cache-dir", str(rcache)]))
            runs["reconcile_warm"].append(run(reconcile + ["--cache-dir", str(rcache)]))
            load.append(os.getloadavg()[0])
            print(f"round {i + 1}/{args.repeat}: " + ", ".join(f"{k} {v[-1].wall:.1f}s" for k, v in runs.items()),
                  flush=True)

    wall = {k: median([r.wall for r in v]) for k, v in runs.items()}
    cpu = {k: median([r.cpu for r in v]) for k, v in runs.items()}
    ratios = {
        "extract_over_bare_wall": wall["nocache"] / wall["bare"],
        "extract_over_bare_cpu": cpu["nocache"] / cpu["bare"],
        "cold_over_warm_wall": wall["cold"] / wall["warm"],
        "cold_over_warm_cpu": cpu["cold"] / cpu["warm"],
        "parse_only_over_warm_wall": wall["parse_only"] / wall["warm"],
        "jobs1_over_jobs2_wall": wall["nocache"] / wall["jobs2"],
        "reconcile_cold_over_warm_wall": wall["reconcile_cold"] / wall["reconcile_warm"],
    }
    data = {
        "articles": 168, "repeat": args.repeat, "batch_size": BATCH_SIZE, "statistic": "median",
        "load_average_1min": load,
        "wall_s": {k: [r.wall for r in v] for k, v in runs.items()},
        "cpu_s": {k: [r.cpu for r in v] for k, v in runs.items()},
        "peak_rss_mb": {k: max(r.max_rss_mb for r in v) for k, v in runs.items()},
        **ratios,
    }
    rows = [[NAMES[k], wall[k], f"{wall[k] / wall['bare']:.2f}", cpu[k], f"{cpu[k] / cpu['bare']:.2f}",
             f"{data['peak_rss_mb'][k]:.0f}"] for k in NAMES]
    md = (f"168 real articles, each command a fresh process, median of {args.repeat} interleaved "
          f"rounds (model {model}, batch {BATCH_SIZE}; 1-minute load average during the run "
          f"{min(load):.1f}-{max(load):.1f} on {os.cpu_count()} cores).\n\n"
          + md_table(["run", "wall s", "wall x bare", "cpu s", "cpu x bare", "peak MB"], rows)
          + f"\n- cold extract / bare parse: **{ratios['extract_over_bare_wall']:.2f}x** wall, "
            f"{ratios['extract_over_bare_cpu']:.2f}x cpu (target <= 1.10)\n"
            f"- cold / warm cache: **{ratios['cold_over_warm_wall']:.1f}x** wall, "
            f"{ratios['cold_over_warm_cpu']:.1f}x cpu (target >= 10); with the parse cache alone "
            f"a rerun is {wall['cold'] / wall['parse_only']:.1f}x faster than cold\n"
            f"- `--jobs 1` / `--jobs 2`: **{ratios['jobs1_over_jobs2_wall']:.2f}x** wall (target >= 1.6)\n"
            f"- reconcile cold / warm: **{ratios['reconcile_cold_over_warm_wall']:.1f}x** wall\n")
    save("speed", data, md)


if __name__ == "__main__":
    main()
