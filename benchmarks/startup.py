"""(6) Start-up: commands that need no pipeline answer about as fast as Python starts.

`claimrec --help`, `claimrec schema` and usage errors (a missing argument, an unknown
option, a path that does not exist) against `python -c pass`, each a fresh process,
interleaved, median of ``--repeat`` runs; and whether each imported spaCy.

    python benchmarks/startup.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import time

from benchlib import CLAIMREC, PYTHON, md_table, median, save

COMMANDS = {
    "python -c pass": [PYTHON, "-c", "pass"],
    "claimrec --help": CLAIMREC + ["--help"],
    "claimrec schema": CLAIMREC + ["schema"],
    "claimrec reconcile (no path: usage error)": CLAIMREC + ["reconcile"],
    "claimrec extract --bogus (usage error)": CLAIMREC + ["extract", "--bogus", "x"],
    "claimrec reconcile /missing (exit 2)": CLAIMREC + ["reconcile", "/no/such/path/at/all"],
}

_PROBE = ("import sys, runpy; sys.argv = ['claimrec'] + sys.argv[1:]\n"
          "try:\n    runpy.run_module('claimrec.cli', run_name='__main__')\n"
          "except SystemExit:\n    pass\n"
          "sys.stderr.write('spacy-imported=%s' % ('spacy' in sys.modules))\n")


def _timed(cmd) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def _imports_spacy(cmd) -> bool:
    if cmd[:3] != CLAIMREC:
        return False
    out = subprocess.run([PYTHON, "-c", _PROBE, *cmd[3:]], capture_output=True, text=True)
    return "spacy-imported=True" in out.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    times: dict[str, list[float]] = {k: [] for k in COMMANDS}
    load = [os.getloadavg()[0]]
    for _ in range(args.repeat):
        for name, cmd in COMMANDS.items():
            times[name].append(_timed(cmd))
    load.append(os.getloadavg()[0])
    base = median(times["python -c pass"])
    spacy = {name: _imports_spacy(cmd) for name, cmd in COMMANDS.items()}
    data = {"repeat": args.repeat, "statistic": "median", "load_average_1min": load, "wall_s": times,
            "over_python": {k: median(v) / base for k, v in times.items()}, "imports_spacy": spacy}
    rows = [[name, median(v), f"{median(v) / base:.1f}", "yes" if spacy[name] else "no"]
            for name, v in times.items()]
    md = (f"Fresh processes, median of {args.repeat} interleaved runs (1-minute load average "
          f"{min(load):.1f}-{max(load):.1f} on {os.cpu_count()} cores).\n\n"
          + md_table(["command", "wall s", "x `python -c pass`", "imports spaCy"], rows))
    save("startup", data, md)


if __name__ == "__main__":
    main()
