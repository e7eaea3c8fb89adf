"""JSON (the whole report) and JSONL (one typed record a line) for scripts."""

from __future__ import annotations

import json
from typing import Any, Iterator

from claimrec.models import Report
from claimrec.render.captions import severity_counts

# Record order in JSONL: what a streaming reader needs first comes first
# (articles before the claims and findings whose spans point into them).
RECORD_TYPES = ("article", "party", "claim", "alignment", "derivation", "finding", "error")
_FIELDS = {
    "article": "articles", "party": "parties", "claim": "claims", "alignment": "alignments",
    "derivation": "derivations", "finding": "findings", "error": "errors",
}


def render_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def iter_records(report: Report) -> Iterator[dict[str, Any]]:
    """Every record of the report, each tagged with ``type`` and ``schema_version``."""
    head = {"schema_version": report.schema_version}
    for kind in RECORD_TYPES:
        for item in getattr(report, _FIELDS[kind]):
            yield {"type": kind, **head, **item.model_dump(mode="json")}
    yield {
        "type": "summary", **head,
        "tool": report.tool.model_dump(mode="json"),
        "counts": {field: len(getattr(report, field)) for field in _FIELDS.values()},
        "findings_by_severity": severity_counts(report.findings),
        "stats": report.stats,
    }


def render_jsonl(report: Report) -> str:
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":"), default=str)
             for r in iter_records(report)]
    return "\n".join(lines) + "\n"
