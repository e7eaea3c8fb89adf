"""Distortion-injection suite: perturb real articles, diff each copy against its original, score the findings.

For every article in a folder (anything claimrec ingests), the transformations
of :mod:`~claimrec.evaluate.perturb_ops`, :mod:`~claimrec.evaluate.perturb_attrib`
and :mod:`~claimrec.evaluate.perturb_controls` make up to ``per_kind`` perturbed
copies per kind (seeded: the same seed gives the same copies). Each copy is
diffed against its original with the full pipeline (source = the original,
rewrite = the copy) and scored:

- **detected** (at the right place): a finding of one of the kind's expected
  finding kinds (``data/lexicons/perturb.json``) has rewrite-side evidence
  overlapping the changed span; for deletions (``quote_dropped``,
  ``denial_dropped``) source-side evidence overlapping the deleted span;
- **detected anywhere**: a finding of an expected kind, wherever its evidence;
- **any finding**: any rewrite finding at all (every kind but
  ``party_contradiction``, which is about the parties, not the rewrite).

Controls (identical copy, reflow, neutral verb swap, paragraphs re-joined)
expect nothing: any rewrite finding on them is a false alarm.
A copy the pipeline fails on is counted under ``failures``, not scored.
"""

from __future__ import annotations

import json
import logging
import random
import time
from typing import Callable, Optional, Sequence

from pydantic import BaseModel, Field

from claimrec.evaluate.common import ratio, tables_as_text
from claimrec.evaluate.perturb_attrib import (
    denial_dropped, hedge_removed, quote_dropped, quote_invented, quote_words_changed, sentence_added,
    speaker_anonymised, speaker_swap,
)
from claimrec.evaluate.perturb_controls import CONTROLS
from claimrec.evaluate.perturb_ops import (
    date_change, entity_swap, modal_raised, negation, number_change, pronoun_swap, role_swap,
)
from claimrec.evaluate.perturb_text import Perturbation, lexicon
from claimrec.models import Article, Finding, InputError

log = logging.getLogger(__name__)

DISTORTIONS: dict[str, Callable] = {
    "entity_swap": entity_swap, "number_change": number_change, "date_change": date_change,
    "pronoun_swap": pronoun_swap, "negation": negation, "role_swap": role_swap,
    "speaker_swap": speaker_swap, "speaker_anonymised": speaker_anonymised,
    "quote_words_changed": quote_words_changed, "quote_invented": quote_invented,
    "hedge_removed": hedge_removed, "modal_raised": modal_raised, "sentence_added": sentence_added,
    "quote_dropped": quote_dropped, "denial_dropped": denial_dropped,
}
TRANSFORMS: dict[str, Callable] = {**DISTORTIONS, **CONTROLS}
NOT_A_REWRITE_FINDING = "party_contradiction"
# a transformation may land on a site it already used; a few more draws find a new one
_DRAWS_PER_COPY = 4


def is_control(kind: str) -> bool:
    return bool(lexicon()["kinds"][kind].get("control"))


def is_deletion(kind: str) -> bool:
    return bool(lexicon()["kinds"][kind].get("deletion"))


def parse_kinds(spec: Optional[str]) -> list[str]:
    """``"a,b"`` -> the named kinds, in suite order; None or "" -> every kind. Unknown names raise ValueError."""
    if not spec:
        return list(TRANSFORMS)
    wanted = [k.strip() for k in spec.split(",") if k.strip()]
    unknown = [k for k in wanted if k not in TRANSFORMS]
    if unknown:
        raise ValueError(f"unknown perturbation kind(s): {', '.join(unknown)}; known: {', '.join(TRANSFORMS)}")
    return [k for k in TRANSFORMS if k in wanted]


# ---- models ---------------------------------------------------------------------------------------

class Alarm(BaseModel):
    """A rewrite finding on a copy: its kind and what it points at in the copy."""

    kind: str
    severity: str
    summary: str
    rewrite_text: str = ""
    source_text: str = ""


class CaseResult(BaseModel):
    article_id: str
    kind: str
    description: str
    span: tuple[int, int]
    source_span: tuple[int, int]
    changed: str
    expected: list[str] = Field(default_factory=list)
    detected: bool = False
    detected_anywhere: bool = False
    fired: list[str] = Field(default_factory=list)
    alarms: list[Alarm] = Field(default_factory=list)  # controls only: every rewrite finding
    failed: Optional[str] = None


class KindScore(BaseModel):
    kind: str
    control: bool = False
    n: int = 0
    failures: int = 0
    detected: int = 0
    detected_anywhere: int = 0
    any_finding: int = 0
    recall: float = 0.0
    recall_anywhere: float = 0.0
    any_rate: float = 0.0
    fired: dict[str, int] = Field(default_factory=dict)  # finding kind -> copies it fired on
    # controls: copies with a finding kind the identical copy of the same article did not raise
    # (what the control itself provokes, beyond the pipeline's noise on an unchanged text)
    beyond_identical: Optional[int] = None


class PerturbScores(BaseModel):
    path: str
    seed: int
    per_kind: int
    articles: int = 0
    skipped: list[InputError] = Field(default_factory=list)
    seconds: float = 0.0
    kinds: dict[str, KindScore] = Field(default_factory=dict)
    cases: list[CaseResult] = Field(default_factory=list)


# ---- the one call into the pipeline ------------------------------------------------------------------

def diff_findings(source: Article, rewrite: Article, source_doc, rewrite_doc, model: Optional[str]) -> list[Finding]:
    """The findings of ``claimrec diff SOURCE REWRITE`` on one pair, with its parses supplied."""
    from claimrec.pipeline import PipelineConfig, reconcile_articles

    report = reconcile_articles([source, rewrite], PipelineConfig(model=model), docs=[source_doc, rewrite_doc])
    return report.findings


# ---- making copies ---------------------------------------------------------------------------------

def make_perturbations(article_id: str, text: str, doc, kinds: Sequence[str], per_kind: int,
                       seed: int) -> list[Perturbation]:
    """Up to ``per_kind`` distinct copies of each kind; each kind draws from its own seeded stream."""
    out: list[Perturbation] = []
    for kind in kinds:
        rng = random.Random(f"{seed}/{article_id}/{kind}")
        want = 1 if kind == "identical" else per_kind
        seen: set[str] = set()
        for _ in range(want * _DRAWS_PER_COPY):
            if len(seen) >= want:
                break
            try:
                made = TRANSFORMS[kind](text, doc, rng)
            except Exception as exc:  # a generator bug costs this copy, not the run
                log.warning("perturbation %s failed on %s: %s: %s", kind, article_id, exc.__class__.__name__, exc)
                break
            if made is None:
                break
            if made.text in seen:
                continue
            seen.add(made.text)
            out.append(made)
    return out


# ---- scoring -----------------------------------------------------------------------------------------

def _overlaps(start: int, end: int, lo: int, hi: int) -> bool:
    if lo == hi:  # an empty place (an insertion point) is hit by evidence that contains it
        return start <= lo <= end
    return start < hi and lo < end


def score_case(p: Perturbation, findings: Sequence[Finding], source_id: str, rewrite_id: str) -> CaseResult:
    rewrite_findings = [f for f in findings if f.kind != NOT_A_REWRITE_FINDING]
    expected = set(p.expected)
    side, (lo, hi) = (source_id, p.source_span) if is_deletion(p.kind) else (rewrite_id, p.span)
    hits = [f for f in rewrite_findings if f.kind in expected]
    placed = any(ev.article_id == side and _overlaps(ev.start, ev.end, lo, hi) for f in hits for ev in f.evidence)
    changed = p.changed if not is_deletion(p.kind) else ""
    case = CaseResult(
        article_id=source_id, kind=p.kind, description=p.description, span=p.span, source_span=p.source_span,
        changed=changed[:300], expected=list(p.expected), detected=placed, detected_anywhere=bool(hits),
        fired=sorted({f.kind for f in rewrite_findings}))
    if is_control(p.kind):
        case.alarms = [Alarm(kind=f.kind, severity=f.severity, summary=f.summary[:300],
                             rewrite_text=next((ev.text[:300] for ev in f.evidence if ev.article_id == rewrite_id), ""),
                             source_text=next((ev.text[:300] for ev in f.evidence if ev.article_id == source_id), ""))
                       for f in rewrite_findings]
    return case


def tally(cases: Sequence[CaseResult], kinds: Sequence[str]) -> dict[str, KindScore]:
    scores = {k: KindScore(kind=k, control=is_control(k)) for k in kinds}
    baseline = {c.article_id: set(c.fired) for c in cases if c.kind == "identical" and not c.failed}
    for c in cases:
        s = scores[c.kind]
        if c.failed:
            s.failures += 1
            continue
        s.n += 1
        s.detected += c.detected
        s.detected_anywhere += c.detected_anywhere
        s.any_finding += bool(c.fired)
        for kind in c.fired:
            s.fired[kind] = s.fired.get(kind, 0) + 1
        if s.control and c.kind != "identical" and c.article_id in baseline:
            s.beyond_identical = (s.beyond_identical or 0) + bool(set(c.fired) - baseline[c.article_id])
    for s in scores.values():
        s.fired = dict(sorted(s.fired.items()))
        s.recall = ratio(s.detected, s.n)
        s.recall_anywhere = ratio(s.detected_anywhere, s.n)
        s.any_rate = ratio(s.any_finding, s.n)
    return scores


# ---- the run -------------------------------------------------------------------------------------------

def read_articles(folder, limit: Optional[int], skipped: list[InputError]) -> list[Article]:
    from claimrec.ingest import read_inputs

    result = read_inputs([str(folder)], assign=False, require_article=False)
    skipped.extend(result.errors)
    articles = result.articles
    return articles[:limit] if limit is not None else articles


def evaluate_perturb(folder, *, seed: int = 0, per_kind: int = 1, limit: Optional[int] = None,
                     kinds: Optional[Sequence[str]] = None, model: Optional[str] = None,
                     progress: Optional[Callable[[str, int], None]] = None) -> PerturbScores:
    from claimrec.nlp import parse_texts

    started = time.perf_counter()
    kinds = list(kinds) if kinds else list(TRANSFORMS)
    skipped: list[InputError] = []
    articles = read_articles(folder, limit, skipped)
    source_docs = parse_texts([a.text for a in articles], model=model)
    cases: list[CaseResult] = []
    for article, source_doc in zip(articles, source_docs):
        source = article.model_copy(update={"role": "source", "role_reason": "original of the perturbed copies"})
        copies = make_perturbations(article.id, article.text, source_doc, kinds, per_kind, seed)
        copy_docs = parse_texts([p.text for p in copies], model=model)
        for i, (p, doc) in enumerate(zip(copies, copy_docs)):
            rewrite = Article(id=f"{article.id}~{p.kind}-{i}", path=f"perturb:{article.path}:{p.kind}:{i}",
                              text=p.text, role="rewrite", role_reason=f"perturbed copy ({p.kind})")
            try:
                findings = diff_findings(source, rewrite, source_doc, doc, model)
                case = score_case(p, findings, source.id, rewrite.id)
            except Exception as exc:  # one copy the pipeline cannot take is recorded, the run goes on
                case = CaseResult(article_id=source.id, kind=p.kind, description=p.description, span=p.span,
                                  source_span=p.source_span, changed=p.changed[:300], expected=list(p.expected),
                                  failed=f"{exc.__class__.__name__}: {exc}"[:300])
            cases.append(case)
            if progress:
                progress("perturbed copies scored", 1)
    return PerturbScores(path=str(folder), seed=seed, per_kind=per_kind, articles=len(articles), skipped=skipped,
                         seconds=round(time.perf_counter() - started, 1), kinds=tally(cases, kinds), cases=cases)


# ---- rendering -------------------------------------------------------------------------------------------

_TARGET_RECALL = 0.85
_SHOWN_ALARMS = 40


def render_perturb(scores: PerturbScores, fmt: str = "table") -> str:
    """``json``: the whole score, every case included; ``table``: per-kind tables and the control false alarms."""
    if fmt == "json":
        return json.dumps(scores.model_dump(), indent=2)
    from rich.table import Table

    distortions = [s for s in scores.kinds.values() if not s.control]
    controls = [s for s in scores.kinds.values() if s.control]
    title = (f"Perturbation suite on {scores.path} ({scores.articles} articles, seed {scores.seed}, "
             f"up to {scores.per_kind} per kind, {scores.seconds}s)")
    tables = []
    if distortions:
        t = Table(title=title)
        for col in ("kind", "n", "detected", "recall", "anywhere", "any finding", "failed"):
            t.add_column(col, justify="left" if col == "kind" else "right")
        for s in distortions:
            mark = "" if s.n == 0 or s.recall >= _TARGET_RECALL else " *"
            t.add_row(s.kind, str(s.n), str(s.detected), f"{s.recall:.3f}{mark}", f"{s.recall_anywhere:.3f}",
                      f"{s.any_rate:.3f}", str(s.failures))
        scored = [s for s in distortions if s.n]
        if scored:
            n = sum(s.n for s in scored)
            t.add_row("all distortions", str(n), str(sum(s.detected for s in scored)),
                      f"{ratio(sum(s.detected for s in scored), n):.3f}",
                      f"{ratio(sum(s.detected_anywhere for s in scored), n):.3f}",
                      f"{ratio(sum(s.any_finding for s in scored), n):.3f}", str(sum(s.failures for s in scored)))
        t.caption = f"recall = detected at the changed place; * below the {_TARGET_RECALL} target"
        tables.append(t)
    if controls:
        t = Table(title="Benign controls (any rewrite finding is a false alarm; target 0)")
        for col in ("control", "n", "false alarms", "rate", "beyond identical", "finding kinds fired", "failed"):
            t.add_column(col, justify="left" if col in ("control", "finding kinds fired") else "right")
        for s in controls:
            fired = ", ".join(f"{k} {v}" for k, v in s.fired.items())
            beyond = "" if s.beyond_identical is None else str(s.beyond_identical)
            t.add_row(s.kind, str(s.n), str(s.any_finding), f"{s.any_rate:.3f}", beyond, fired, str(s.failures))
        t.caption = "beyond identical: copies with a finding kind the identical copy of that article did not raise"
        tables.append(t)
        alarms = [(c, a) for c in scores.cases if c.alarms for a in c.alarms]
        if alarms:
            t = Table(title=f"False alarms on controls ({len(alarms)}; first {min(len(alarms), _SHOWN_ALARMS)})")
            for col in ("article", "control", "finding", "rewrite text"):
                t.add_column(col, overflow="fold")
            for c, a in alarms[:_SHOWN_ALARMS]:
                shown = a.rewrite_text or f"(source) {a.source_text}"
                t.add_row(c.article_id[:28], c.kind, f"{a.kind} ({a.severity})", " ".join(shown.split())[:120])
            tables.append(t)
    return tables_as_text(*tables, width=120)
