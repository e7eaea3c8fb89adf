"""Renderers: one :class:`~claimrec.models.Report` in, one string out.

``fmt`` picks the output (table, json, jsonl, md, html, claimreview) and
``view`` what the command is about: ``report`` (reconcile), ``diff`` (one
source/rewrite pair), ``claims`` (extract) or ``ingest`` (what was read).
Every format handles every view.
"""

from __future__ import annotations

from claimrec.errors import UsageError
from claimrec.models import Report
from claimrec.render.captions import VIEWS

FORMATS = ("table", "json", "jsonl", "md", "html", "claimreview")


def render(report: Report, fmt: str, *, view: str = "report", to_terminal: bool = False) -> str:
    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r} (expected one of {', '.join(VIEWS)})")
    if fmt == "table":
        from claimrec.render.table import render_table

        return render_table(report, view, to_terminal=to_terminal)
    if fmt == "json":
        from claimrec.render.jsonout import render_json

        return render_json(report)
    if fmt == "jsonl":
        from claimrec.render.jsonout import render_jsonl

        return render_jsonl(report)
    if fmt == "md":
        from claimrec.render.markdown import render_markdown

        return render_markdown(report, view)
    if fmt == "html":
        from claimrec.render.html import render_html

        return render_html(report, view)
    if fmt == "claimreview":
        from claimrec.render.claimreview import render_claimreview

        return render_claimreview(report)
    raise UsageError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")


__all__ = ["FORMATS", "VIEWS", "render"]
