"""Reconcile one event from Docs already parsed, and turn it into JSONL records.

Corpus engines already hold the event's Docs (streamed, or parsed on a Dask
worker) and hand them to ``claimrec.pipeline.reconcile_articles``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Optional, Sequence

from claimrec.corpus.grouping import Event
from claimrec.models import SCHEMA_VERSION, Article, Finding, Report, RunError, Tool
from claimrec.pipeline import PipelineConfig, reconcile_articles


def reconcile_docs(articles: Sequence[Article], docs: Sequence, config: PipelineConfig) -> Report:
    """One event whose Docs are parsed already, with roles decided within the event."""
    articles = assign_event_roles(list(articles), config.source)
    return reconcile_articles(articles, config, docs=docs)


def assign_event_roles(articles: list[Article], source: Optional[str]) -> list[Article]:
    """Roles (source / rewrite / peer) decided among the event's own articles.

    Ingestion saw the whole corpus at once; an article is the wire source, or
    a rewrite of it, only within its event. ``--source`` counts where it is.
    """
    from claimrec.ingest.roles import assign_roles, match_source

    source_id = match_source(articles, source) if source else None
    return assign_roles(articles, source_id)


@dataclass
class EventResult:
    """What an engine hands back for one event: its lines, ready to write."""

    event_id: str
    articles: int
    lines: list[str]
    findings: int
    # one finding per severity present (enough for --fail-on, without holding them all)
    worst: list[Finding] = field(default_factory=list)
    # internal errors of the event's articles and pairs (the rest of the event was still reconciled)
    errors: list[RunError] = field(default_factory=list)


def _dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str)


def finding_record(finding: Finding, event_id: str) -> dict:
    """The ``finding`` record of ``claimrec ... -f jsonl`` plus the event it belongs to."""
    return {"type": "finding", "schema_version": SCHEMA_VERSION, "event_id": event_id,
            **finding.model_dump(mode="json")}


def event_record(event: Event, report: Report) -> dict:
    by_severity = {"high": 0, "medium": 0, "low": 0}
    for f in report.findings:
        by_severity[f.severity] += 1
    return {
        "type": "event",
        "schema_version": SCHEMA_VERSION,
        "tool": Tool().model_dump(mode="json"),
        "event_id": event.event_id,
        "grouped_by": event.grouped_by,
        "keys": list(event.keys),
        "article_ids": [a.id for a in report.articles],
        "roles": {a.id: a.role for a in report.articles},
        "claims": len(report.claims),
        "parties": len(report.parties),
        "findings": len(report.findings),
        "findings_by_severity": by_severity,
        "errors": [e.model_dump(mode="json") for e in report.errors if e.kind == "internal"],
    }


def event_result(event: Event, report: Report) -> EventResult:
    lines = [_dumps(event_record(event, report))]
    lines.extend(_dumps(finding_record(f, event.event_id)) for f in report.findings)
    worst: dict[str, Finding] = {}
    for f in report.findings:
        worst.setdefault(f.severity, f)
    return EventResult(event_id=event.event_id, articles=len(report.articles), lines=lines,
                       findings=len(report.findings), worst=list(worst.values()),
                       errors=[e for e in report.errors if e.kind == "internal"])
