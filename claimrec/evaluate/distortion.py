"""Score distortion findings against FRANK-style labelled rewrites (JSONL).

Each record's ``article`` is the source and its ``summary`` the rewrite (see
:mod:`claimrec.evaluate.frank_text` for the detokenising and truecasing the
summaries need). Both go through the real pipeline (parse, extract, resolve,
align, detect) via :func:`claimrec.pipeline.reconcile_articles`.

What counts:

- Only rewrite-side distortion kinds count (``COUNTED``). ``omission`` is left
  out because a summary omits most of its article by design;
  ``party_contradiction`` because it is about the parties, not the rewrite;
  ``hedge_dropped`` / ``hedge_added`` because FRANK's error typology has no
  class for them (a summary that says "P" where the article says "according
  to police, P" is not marked wrong by its annotators).
- A summary **has** error type T when its label T is below 1.0 (at least one
  annotator found such an error; the labels are the share of annotators who
  found none). It is **error-free** when ``Factuality`` is 1.0. The JSON also
  carries the same metrics with a majority threshold (label <= 0.5).
- A summary is **flagged for T** when a finding of a kind mapped to T fires
  (``TYPE_KINDS``). ``unsupported_addition`` always maps to OutE, and also to
  EntE when it cites a new name, to CircE when it cites a new figure or date
  (its evidence lists them after the sentence).
- recall(T) = flagged-for-T summaries among those with T; false-alarm rate =
  error-free summaries with any counted finding; TPR = summaries with an error
  (``Factuality`` < 1.0) with any counted finding; balanced accuracy =
  (TPR + 1 - false-alarm rate) / 2.
- per-kind counts: on how many error / error-free summaries each kind fired.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, Field

from claimrec.evaluate.common import ratio, tables_as_text
from claimrec.evaluate.frank_text import read_records, to_articles
from claimrec.models import InputError

COUNTED = (
    "unsupported_addition", "quote_unsourced", "quote_altered", "attribution_changed",
    "speaker_variant", "role_swap", "place_changed", "stance_flip", "number_changed", "date_changed",
    "modality_shift",
)
# FRANK error type -> finding kinds that flag it
TYPE_KINDS = {
    "OutE": ("unsupported_addition", "quote_unsourced"),
    "EntE": ("attribution_changed", "speaker_variant", "role_swap", "unsupported_addition:entity"),
    "CircE": ("number_changed", "date_changed", "place_changed", "modality_shift", "unsupported_addition:figure"),
    "RelE": ("stance_flip", "role_swap", "quote_altered", "modality_shift"),
}
ERROR_TYPES = tuple(TYPE_KINDS)


class TypeScore(BaseModel):
    with_error: int = 0
    flagged: int = 0
    recall: float = 0.0


class Thresholded(BaseModel):
    """Metrics for one reading of the labels."""

    rule: str
    errors: int = 0
    error_free: int = 0
    flagged_errors: int = 0
    false_alarms: int = 0
    tpr: float = 0.0
    false_alarm_rate: float = 0.0
    balanced_accuracy: float = 0.0
    types: dict[str, TypeScore] = Field(default_factory=dict)


class KindCount(BaseModel):
    on_errors: int = 0
    on_error_free: int = 0


class DistortionScores(BaseModel):
    path: str
    records: int = 0
    failures: int = 0
    skipped: list[InputError] = Field(default_factory=list)
    seconds: float = 0.0
    any_annotator: Thresholded
    majority: Thresholded
    kinds: dict[str, KindCount] = Field(default_factory=dict)


def _is_figure(text: str) -> bool:
    from claimrec.text.lexicon import lexicon

    lex = lexicon().numbers
    low = text.lower()
    return any(ch.isdigit() for ch in low) or any(
        w in lex.months or w in lex.weekdays or w in lex.units or w in lex.ordinals for w in low.split())


def _flags(findings) -> set[str]:
    """Labels a summary's findings raise: kind names, plus 'unsupported_addition:entity' /
    ':figure' when an addition cites a new name / a new figure or date besides its sentence."""
    out: set[str] = set()
    for f in findings:
        if f.kind not in COUNTED:
            continue
        out.add(f.kind)
        if f.kind == "unsupported_addition":
            cited = [sp for sp in f.evidence if sp.article_id.endswith("-rewrite")][1:]
            if any(not _is_figure(sp.text) for sp in cited):
                out.add("unsupported_addition:entity")
            if any(_is_figure(sp.text) for sp in cited):
                out.add("unsupported_addition:figure")
    return out


def _score(rows: list[tuple[dict, set[str]]], rule: str) -> Thresholded:
    def has(labels: dict, key: str) -> bool:
        v = labels.get(key)
        if v is None:
            return False
        return v < 1.0 if rule == "any" else v <= 0.5

    out = Thresholded(rule="label < 1.0 (any annotator)" if rule == "any" else "label <= 0.5 (majority)")
    for t in ERROR_TYPES:
        out.types[t] = TypeScore()
    for labels, flags in rows:
        fired = bool(flags)
        if has(labels, "Factuality"):
            out.errors += 1
            out.flagged_errors += fired
        elif labels.get("Factuality", 0.0) >= 1.0:
            out.error_free += 1
            out.false_alarms += fired
        for t, kinds in TYPE_KINDS.items():
            if has(labels, t):
                ts = out.types[t]
                ts.with_error += 1
                ts.flagged += bool(flags & set(kinds))
    out.tpr = ratio(out.flagged_errors, out.errors)
    out.false_alarm_rate = ratio(out.false_alarms, out.error_free)
    out.balanced_accuracy = round((out.tpr + 1.0 - out.false_alarm_rate) / 2, 4)
    for ts in out.types.values():
        ts.recall = ratio(ts.flagged, ts.with_error)
    return out


def evaluate_distortion(path, model: Optional[str] = None, limit: Optional[int] = None) -> DistortionScores:
    from claimrec.pipeline import PipelineConfig, reconcile_articles

    started = time.perf_counter()
    config = PipelineConfig(model=model)
    rows: list[tuple[dict, set[str]]] = []
    kinds: dict[str, KindCount] = {k: KindCount() for k in COUNTED}
    failures = 0
    skipped: list[InputError] = []
    for rec in read_records(Path(path), limit, skipped):
        try:
            report = reconcile_articles(to_articles(rec), config)
            flags = _flags(report.findings)
        except Exception:  # a record the pipeline cannot take counts as flagging nothing
            failures += 1
            flags = set()
        rows.append((rec.labels, flags))
        erroneous = rec.labels.get("Factuality", 1.0) < 1.0
        for k in flags & set(COUNTED):
            if erroneous:
                kinds[k].on_errors += 1
            else:
                kinds[k].on_error_free += 1
    return DistortionScores(
        path=str(path), records=len(rows), failures=failures, skipped=skipped,
        seconds=round(time.perf_counter() - started, 1),
        any_annotator=_score(rows, "any"), majority=_score(rows, "majority"), kinds=kinds,
    )


_TARGETS = {"false_alarm_rate": "<= 0.25", "OutE": ">= 0.50", "balanced_accuracy": ">= 0.65"}


def render_distortion(scores: DistortionScores, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(scores.model_dump(), indent=2)
    from rich.table import Table

    main = scores.any_annotator
    maj = scores.majority
    table = Table(title=f"Distortion findings vs {scores.path} ({scores.records} records, "
                        f"{scores.failures} failed, {scores.seconds}s)")
    table.add_column("metric")
    table.add_column("any annotator", justify="right")
    table.add_column("majority", justify="right")
    table.add_column("target", justify="right")
    table.add_row("summaries with an error", str(main.errors), str(maj.errors), "")
    table.add_row("error-free summaries", str(main.error_free), str(maj.error_free), "")
    table.add_row("TPR (error flagged)", f"{main.tpr:.3f}", f"{maj.tpr:.3f}", "")
    table.add_row("false-alarm rate", f"{main.false_alarm_rate:.3f}", f"{maj.false_alarm_rate:.3f}",
                  _TARGETS["false_alarm_rate"])
    table.add_row("balanced accuracy", f"{main.balanced_accuracy:.3f}", f"{maj.balanced_accuracy:.3f}",
                  _TARGETS["balanced_accuracy"])
    for t in ERROR_TYPES:
        a, b = main.types[t], maj.types[t]
        table.add_row(f"recall {t} ({a.with_error} / {b.with_error})", f"{a.recall:.3f}", f"{b.recall:.3f}",
                      _TARGETS.get(t, ""))
    kinds = Table(title="Findings fired (summaries)")
    kinds.add_column("kind")
    kinds.add_column("on errors", justify="right")
    kinds.add_column("on error-free", justify="right")
    for k, c in scores.kinds.items():
        kinds.add_row(k, str(c.on_errors), str(c.on_error_free))
    return tables_as_text(table, kinds)
