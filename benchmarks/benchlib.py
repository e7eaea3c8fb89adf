"""Shared pieces of the benchmarks: the real-article sample, timed subprocesses, results.

The article texts are copyrighted: they are read from the datasets folder and
written to a temporary folder at benchmark time, never into the repository.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
DATA_ENV = "CLAIMREC_BENCH_DATA"
DEFAULT_DATA = HERE.parent.parent / "shared" / "datasets"  # beside the checkout
PYTHON = sys.executable
CLAIMREC = [PYTHON, "-m", "claimrec.cli"]


def data_dir() -> Path:
    path = Path(os.environ.get(DATA_ENV) or DEFAULT_DATA)
    if not (path / "polnear-dev" / "text").is_dir() or not (path / "frank-valid.jsonl").is_file():
        sys.exit(f"benchmark data not found under {path} (set ${DATA_ENV}): needs "
                 "polnear-dev/text/*.txt and frank-valid.jsonl")
    return path


def polnear_texts() -> list[tuple[str, str]]:
    folder = data_dir() / "polnear-dev" / "text"
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def frank_texts(limit: Optional[int] = None) -> list[tuple[str, str]]:
    """Distinct FRANK articles (by hash), in file order."""
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    with open(data_dir() / "frank-valid.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["hash"] in seen:
                continue
            seen.add(record["hash"])
            out.append((f"frank-{record['hash'][:12]}", record["article"]))
            if limit is not None and len(out) == limit:
                break
    return out


def sample_168() -> list[tuple[str, str]]:
    """The issue's sample: the 84 PolNeAR texts and the first 84 distinct FRANK articles."""
    return polnear_texts() + frank_texts(84)


def all_distinct() -> list[tuple[str, str]]:
    """Every distinct real article text available (84 PolNeAR + 149 FRANK), blended.

    The two sources are spread evenly through the list (PolNeAR's political
    stories are longer and richer in claims than FRANK's), so any prefix of it
    has about the same mix and sizes can be compared per article.
    """
    sources = [polnear_texts(), frank_texts()]
    keyed = [((i + 0.5) / len(src), s, item) for s, src in enumerate(sources)
             for i, item in enumerate(src)]
    return [item for _, _, item in sorted(keyed, key=lambda k: (k[0], k[1]))]


def write_folder(texts: Sequence[tuple[str, str]], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def write_corpus_jsonl(texts: Sequence[tuple[str, str]], path: Path, n_articles: int,
                       per_event: int) -> Path:
    """``n_articles`` records cycling over ``texts``, ``per_event`` consecutive ones per event."""
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n_articles):
            name, text = texts[i % len(texts)]
            handle.write(json.dumps({"id": f"a{i:05d}-{name}", "event": f"e{i // per_event:05d}",
                                     "text": text}) + "\n")
    return path


@dataclass
class Run:
    wall: float
    cpu: float  # user + system seconds of the process itself
    max_rss_mb: float
    returncode: int


def run(cmd: Sequence[str], *, env: Optional[dict] = None, check: bool = True) -> Run:
    """Run ``cmd``; wall time and this child's own peak RSS (os.wait4, not the sum of children)."""
    started = time.perf_counter()
    proc = subprocess.Popen(list(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.returncode = code
    if check and code not in (0, 1):
        raise SystemExit(f"command failed ({code}): {' '.join(cmd)}\n{stderr}")
    return Run(wall=wall, cpu=usage.ru_utime + usage.ru_stime, max_rss_mb=usage.ru_maxrss / 1024.0,
               returncode=code)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def best(values: Sequence[float]) -> float:
    """The least disturbed of repeated runs (other load only ever adds time)."""
    return min(values)


def slope(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Least-squares slope of log(y) on log(x): 1.0 is linear growth."""
    import math

    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    num = sum((a - mx) * (b - my) for a, b in zip(lx, ly))
    den = sum((a - mx) ** 2 for a in lx)
    return num / den


def environment() -> dict:
    import platform

    from claimrec._version import __version__
    from claimrec.nlp import resolve_model_name

    return {"python": platform.python_version(), "machine": platform.machine(),
            "cpus": os.cpu_count(), "claimrec": __version__, "model": resolve_model_name(),
            "date": time.strftime("%Y-%m-%d")}


def md_table(header: Sequence[str], rows: Sequence[Sequence]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    return "\n".join(lines) + "\n"


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


def save(name: str, data: dict, markdown: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    data = {"environment": environment(), **data}
    (RESULTS / f"{name}.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    (RESULTS / f"{name}.md").write_text(markdown, encoding="utf-8")
    print(markdown)
