"""Renderers (placeholder, issue 6)."""

from __future__ import annotations

from claimrec.models import Report


def render(report: Report, fmt: str, *, view: str = "report", to_terminal: bool = False) -> str:
    return report.model_dump_json(indent=2)
