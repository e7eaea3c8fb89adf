"""Stress check: every stage and every command on all the real text claimrec can reach,
whole and damaged, must end with zero internal errors.

Texts: the PolNeAR dev articles, every distinct FRANK valid article and every summary, and
the example event; each also cut at a random point and with stray quote marks, brackets and
unicode punctuation inserted (seeded; see ``claimrec.evaluate.stress``). Runs:

- library, in-process: ``extract`` of every text and damaged copy; ``reconcile`` of every
  text alone and of the whole PolNeAR folder as one event; ``diff`` of every FRANK
  article/summary pair (the article as source) and of every damaged copy against its text;
- command line (subprocesses): ``extract``, ``reconcile`` and ``corpus`` on a folder of the
  damaged texts, ``diff`` on a sample of FRANK pairs; none may exit 3 or print a traceback.

Exit status 1 when any internal error or escaped exception was found; the numbers go to
``results/stress.json``.

    .venv/bin/python benchmarks/stress.py [--seed 7] [--limit N] [--cli-sample 20]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import CLAIMREC, RESULTS, data_dir, frank_texts, polnear_texts, write_folder  # noqa: E402

from claimrec.evaluate.stress import damage, stress  # noqa: E402
from claimrec.pipeline import PipelineConfig  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples"


def frank_pairs(limit=None) -> list[tuple[str, str, str]]:
    out = []
    with open(data_dir() / "frank-valid.jsonl", encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            rec = json.loads(line)
            out.append((f"frank-{i:04d}", rec["article"], rec["summary"]))
            if limit is not None and len(out) >= limit:
                break
    return out


def run_cli(folder: Path, pairs_dir: Path, cache: Path, sample: int) -> tuple[int, list[dict]]:
    common = ["-q", "--cache-dir", str(cache), "-f", "json", "--fail-on", "never"]
    commands = [["extract", str(folder)] + common, ["reconcile", str(folder)] + common,
                ["corpus", str(folder), "-q", "--cache-dir", str(cache)]]
    for a in sorted(pairs_dir.glob("*-a.txt"))[:sample]:
        commands.append(["diff", str(a), str(a.with_name(a.name.replace("-a.txt", "-s.txt")))] + common)
    failures = []
    for cmd in commands:
        proc = subprocess.run(CLAIMREC + cmd, capture_output=True, text=True)
        if proc.returncode == 3 or "Traceback" in proc.stderr:
            failures.append({"run": "cli " + " ".join(cmd[:2]), "exit": proc.returncode,
                             "stderr": proc.stderr.strip()[-500:]})
    return len(commands), failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--limit", type=int, default=None, help="at most N texts of each dataset")
    ap.add_argument("--cli-sample", type=int, default=20, help="FRANK pairs diffed through the CLI")
    args = ap.parse_args()
    started = time.perf_counter()

    texts = [(f"polnear-{k:02d}", t) for k, (_, t) in enumerate(polnear_texts()[: args.limit])]
    texts += [(f"frankart-{k:03d}", t) for k, (_, t) in enumerate(frank_texts(args.limit))]
    texts += [(f"example-{p.stem}", p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.rglob("*.txt"))]
    pairs = frank_pairs(args.limit)
    texts += [(f"{pid}-summary", s) for pid, _, s in pairs]
    polnear_event = [[aid for aid, _ in texts if aid.startswith("polnear")]]

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        config = PipelineConfig(cache_dir=str(tmp / "cache"))
        result = stress(texts, pairs, config, seed=args.seed, events=polnear_event)
        rng = random.Random(args.seed)
        damaged = [(f"{aid}_{how.replace('+', '_')}", t) for aid, text in texts[:60]
                   for how, t in damage(text, rng).items() if t.strip()]
        folder = write_folder(damaged, tmp / "damaged")
        pairs_dir = write_folder([(f"{pid}-a", a) for pid, a, _ in pairs] + [(f"{pid}-s", s) for pid, _, s in pairs],
                                 tmp / "pairs")
        cli_runs, cli_failures = run_cli(folder, pairs_dir, tmp / "cache", args.cli_sample)

    n_damaged = 3 * len(texts)
    summary = {
        "texts": len(texts), "damaged_texts": n_damaged, "diff_pairs": len(pairs) + n_damaged,
        "library_runs": result.runs, "cli_runs": cli_runs,
        "internal_errors": len(result.internal), "escaped_exceptions": len(result.escaped),
        "cli_failures": len(cli_failures), "seconds": round(time.perf_counter() - started, 1),
        "seed": args.seed, "limit": args.limit,
        "errors": result.internal[:50], "escaped": result.escaped[:20], "cli": cli_failures[:20],
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "stress.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"texts {summary['texts']} (+{n_damaged} damaged), diff pairs {summary['diff_pairs']}, "
          f"library runs {result.runs}, cli runs {cli_runs}: internal errors {len(result.internal)}, "
          f"escaped exceptions {len(result.escaped)}, cli failures {len(cli_failures)} "
          f"({summary['seconds']} s)")
    for e in (result.internal + result.escaped + cli_failures)[:10]:
        print(" ", e)
    return 0 if result.ok and not cli_failures else 1


if __name__ == "__main__":
    sys.exit(main())
