"""Precision of ``party_contradiction`` against judged findings.

Each article of a folder (each ``.txt`` file, or each subfolder as one multi-article
event) is reconciled, and every ``party_contradiction`` is looked up in a judged set:
a JSONL file of records ``{"article", "sides": [[article_id, start, end], [article_id, start,
end]], "verdict", "reason"}`` — the two claims' content offsets in their articles' cleaned
bodies (``article`` names the file or the event folder), the
judgement (true only when two different actors take opposite positions on the same
proposition, or give incompatible figures for the same quantity) and why. A finding
matches a record of its article when each of its first two evidence spans overlaps
one side of it. The judged set stores offsets and verdicts, never article text, so it
can be kept beside the code while the articles stay where their licence keeps them.

Reported: findings, judged, right, precision (all and high severity), unjudged findings
(with their text, to be judged), and a calibration table: at each confidence band, how
many judged findings there are and the share that is right.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, Field

from claimrec.evaluate.common import ratio, read_text, tables_as_text
from claimrec.models import Finding, InputError

BANDS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


Side = tuple[str, int, int]  # article id, start, end


class Judgement(BaseModel):
    article: str
    sides: list[Side]
    verdict: bool
    reason: str = ""
    severity: Optional[str] = None  # at judging time, for reference
    judged_at: Optional[str] = None  # the commit whose finding was judged


class Scored(BaseModel):
    article: str
    severity: str
    confidence: float
    summary: str
    sides: list[Side]
    texts: list[str] = Field(default_factory=list)
    verdict: Optional[bool] = None
    reason: str = ""


class Band(BaseModel):
    low: float
    high: float
    judged: int = 0
    right: int = 0
    precision: float = 0.0


class ContradictionScores(BaseModel):
    folder: str
    judged_file: str
    articles: int
    findings: int
    judged: int
    right: int
    precision: float
    high: int
    high_judged: int
    high_right: int
    high_precision: float
    articles_with_findings: int
    unjudged: list[Scored] = Field(default_factory=list)
    scored: list[Scored] = Field(default_factory=list)
    bands: list[Band] = Field(default_factory=list)
    skipped: list[InputError] = Field(default_factory=list)
    seconds: float = 0.0


def read_judged(path: Path, skipped: list[InputError]) -> dict[str, list[Judgement]]:
    out: dict[str, list[Judgement]] = {}
    text = read_text(path, skipped, line_records=True)
    for k, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            j = Judgement.model_validate_json(line)
        except ValueError as exc:
            skipped.append(InputError(path=f"{path}:{k}", reason=f"not a judgement: {str(exc).splitlines()[0]}"))
            continue
        out.setdefault(j.article, []).append(j)
    return out


def _overlaps(a: Side, b: Side) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def find_judgement(judged: list[Judgement], sides: list[Side]) -> Optional[Judgement]:
    for j in judged:
        if len(sides) >= 2 and len(j.sides) >= 2 and all(any(_overlaps(s, js) for js in j.sides) for s in sides[:2]):
            return j
    return None


def _units(folder: Path) -> list[tuple[str, list[Path]]]:
    """(name, files): each .txt file alone, and each subfolder as one event."""
    units = [(p.stem, [p]) for p in sorted(folder.glob("*.txt"))]
    units += [(d.name, sorted(d.glob("*.txt"))) for d in sorted(folder.iterdir()) if d.is_dir()]
    return [(name, files) for name, files in units if files]


def evaluate_contradictions(folder, judged_file, model: Optional[str] = None,
                            limit: Optional[int] = None) -> ContradictionScores:
    from claimrec.pipeline import PipelineConfig, build_reconcile_report

    started = time.perf_counter()
    folder, judged_file = Path(folder), Path(judged_file)
    skipped: list[InputError] = []
    judged = read_judged(judged_file, skipped)
    config = PipelineConfig(model=model)
    scored: list[Scored] = []
    units = _units(folder)[:limit]
    with_findings = 0
    for name, files in units:
        report = build_reconcile_report([str(f) for f in files], config)
        skipped.extend(e for e in report.errors if e.kind == "input")
        found = [f for f in report.findings if f.kind == "party_contradiction"]
        with_findings += bool(found)
        for f in found:
            scored.append(_score(name, f, judged.get(name, [])))
    return _summarise(folder, judged_file, len(units), scored, with_findings, skipped,
                      time.perf_counter() - started)


def _score(name: str, f: Finding, judged: list[Judgement]) -> Scored:
    sides = [(sp.article_id, sp.start, sp.end) for sp in f.evidence[:2]]
    s = Scored(article=name, severity=f.severity, confidence=f.confidence, summary=f.summary, sides=sides,
               texts=[sp.text for sp in f.evidence[:2]])
    j = find_judgement(judged, sides)
    if j is not None:
        s.verdict, s.reason = j.verdict, j.reason
    return s


def _summarise(folder, judged_file, n_units, scored, with_findings, skipped, seconds) -> ContradictionScores:
    judged = [s for s in scored if s.verdict is not None]
    high = [s for s in scored if s.severity == "high"]
    high_judged = [s for s in high if s.verdict is not None]
    bands = []
    for lo, hi in BANDS:
        inside = [s for s in judged if lo <= s.confidence < hi]
        right = sum(1 for s in inside if s.verdict)
        bands.append(Band(low=lo, high=min(hi, 1.0), judged=len(inside), right=right,
                          precision=ratio(right, len(inside))))
    return ContradictionScores(
        folder=str(folder), judged_file=str(judged_file), articles=n_units, findings=len(scored),
        judged=len(judged), right=sum(1 for s in judged if s.verdict),
        precision=ratio(sum(1 for s in judged if s.verdict), len(judged)),
        high=len(high), high_judged=len(high_judged), high_right=sum(1 for s in high_judged if s.verdict),
        high_precision=ratio(sum(1 for s in high_judged if s.verdict), len(high_judged)),
        articles_with_findings=with_findings, unjudged=[s for s in scored if s.verdict is None],
        scored=scored, bands=bands, skipped=skipped, seconds=round(seconds, 1),
    )


def render_contradictions(scores: ContradictionScores, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(scores.model_dump(), indent=2)
    from rich.table import Table

    table = Table(title=f"party_contradiction vs {scores.judged_file} ({scores.articles} articles or events, "
                        f"{scores.seconds}s)")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_row("findings", str(scores.findings))
    table.add_row("articles/events with a finding", str(scores.articles_with_findings))
    table.add_row("judged / right", f"{scores.judged} / {scores.right}")
    table.add_row("precision", f"{scores.precision:.3f}")
    table.add_row("high: findings / judged / right", f"{scores.high} / {scores.high_judged} / {scores.high_right}")
    table.add_row("high precision", f"{scores.high_precision:.3f}")
    table.add_row("unjudged", str(len(scores.unjudged)))
    bands = Table(title="Calibration: judged findings by confidence")
    bands.add_column("confidence")
    bands.add_column("judged", justify="right")
    bands.add_column("right", justify="right")
    bands.add_column("precision", justify="right")
    for b in scores.bands:
        bands.add_row(f"{b.low:.1f}-{b.high:.1f}", str(b.judged), str(b.right),
                      f"{b.precision:.3f}" if b.judged else "-")
    return tables_as_text(table, bands)
