"""The terminal report (rich): articles, parties, findings with highlighted evidence, summary.

Article text never goes through rich markup: it is always wrapped in
``Text`` objects, so brackets in a news story stay brackets.
"""

from __future__ import annotations

import re
import shutil
from io import StringIO
from typing import Optional

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from claimrec.models import Article, Finding, Report
from claimrec.render.highlight import SentenceIndex, group_evidence, marked_runs, truncate
from claimrec.derivation import derivation_phrase
from claimrec.render.captions import (
    article_source_line, claims_line, event_title, findings_by_severity,
    ingest_line,
    kind_label, pairs_and_rest, party_names, removed_summary, speaker_label, summary_line,
)

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "blue"}
RELATION_STYLE = {"verbatim": "green", "rewritten": "yellow", "paraphrase": "yellow",
                  "partial": "yellow", "new": "red"}
DEFAULT_WIDTH = 100
# C0/C1 controls (ESC above all) in article text could drive the reader's terminal
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _t(text: str, style: str = "") -> Text:
    """Untrusted text as a rich ``Text``: no markup parsing, no control characters."""
    return Text(_CONTROL.sub("\ufffd", text), style=style)


def render_table(report: Report, view: str = "report", *, width: Optional[int] = None,
                 to_terminal: bool = False) -> str:
    if width is None:
        width = (shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns if to_terminal
                 else DEFAULT_WIDTH)
    buf = StringIO()
    console = Console(
        file=buf, width=max(20, width), force_terminal=to_terminal,
        color_system="truecolor" if to_terminal else None, highlight=False, emoji=False,
        markup=False, soft_wrap=False, legacy_windows=False, force_jupyter=False,
    )
    _write(console, report, view, styled=to_terminal)
    return buf.getvalue()


def _write(console: Console, report: Report, view: str, *, styled: bool) -> None:
    title = event_title(report)
    heading = {"report": "claimrec report", "diff": "claimrec diff", "claims": "claimrec claims",
               "ingest": "claimrec ingest"}.get(view, "claimrec report")
    console.print(Rule(_t(f"{heading}: {title}" if title else heading, style="bold")))
    if view == "ingest":
        _ingest(console, report)
        _errors(console, report)
        console.print(_t(ingest_line(report), style="bold"))
        return
    console.print(_articles_table(report))
    if report.parties:
        console.print(_parties_table(report))
    if view == "claims":
        console.print(_claims_table(report))
        _findings(console, report, styled=styled)
        _errors(console, report)
        console.print(_t(claims_line(report), style="bold"))
        return
    if report.derivations:
        console.print(_derivations(report))
    if view == "diff":
        for source, rewrite in pairs_and_rest(report, view)[0]:
            console.print(_alignment_table(report, source, rewrite))
    _findings(console, report, styled=styled)
    _errors(console, report)
    console.print(_t(summary_line(report), style="bold"))


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                  expand=False, show_edge=False, pad_edge=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def _articles_table(report: Report) -> Table:
    columns = [("id", lambda a: _t(a.id)),
               ("role", lambda a: _t(a.role, style="bold" if a.role == "source" else "")),
               ("outlet", lambda a: _t(a.outlet or "")), ("title", lambda a: _t(a.title or "")),
               ("why this role", lambda a: _t(a.role_reason, style="dim"))]
    # columns nobody filled (no outlet known anywhere, say) only cost width
    columns = [(name, cell) for name, cell in columns
               if name in ("id", "role") or any(cell(a).plain for a in report.articles)]
    table = _table("Articles", *(name for name, _ in columns))
    for a in report.articles:
        table.add_row(*(cell(a) for _, cell in columns))
    return table


def _parties_table(report: Report) -> Table:
    table = _table("Parties", "party", "kind", "aliases", "members")
    for p in report.parties:
        members = "; ".join(
            m.name + (f" ({', '.join(m.titles)})" if m.titles else "") for m in p.members)
        table.add_row(_t(p.name, style="bold"), _t(p.kind), _t(", ".join(p.aliases)),
                      _t(members))
    return table


def _claims_table(report: Report) -> Table:
    parties = {p.id: p for p in report.parties}
    table = _table(f"Claims ({len(report.claims)})", "article", "speaker -> party", "cue", "quote",
                   "stance", "content", "hedges", "medium")
    for c in report.claims:
        table.add_row(
            _t(c.article_id), _t(speaker_label(c, parties)),
            _t(c.cue.text if c.cue else ""), _t(c.quote if c.kind == "speech" else f"{c.quote}, {c.kind}"),
            _t(c.stance, style="red" if c.stance == "deny" else ""),
            _t(truncate(c.content.text, 90)), _t(", ".join(h.text for h in c.hedges)),
            _t(c.medium or ""),
        )
    return table


def _derivations(report: Report) -> Text:
    lines = []
    for d in report.derivations:
        lines.append(f"sentence alignment of {d.rewrite_id} against {d.source_id}: "
                     f"{derivation_phrase(d)}")
    return _t("\n".join(lines))


def _alignment_table(report: Report, source: Article, rewrite: Article) -> Table:
    table = _table(f"Sentences of {rewrite.id} against {source.id}", "rewrite", "", "source")
    rows = [al for al in report.alignments if al.level == "sentence" and al.spans
            and al.spans[0].article_id == rewrite.id]
    for al in sorted(rows, key=lambda al: al.spans[0].start):
        src = " … ".join(s.text for s in al.spans[1:] if s.article_id == source.id)
        table.add_row(_t(truncate(al.spans[0].text, 200)),
                      _t(al.relation, style=RELATION_STYLE.get(al.relation, "")),
                      _t(truncate(src, 200), style="dim"))
    return table


def _findings(console: Console, report: Report, *, styled: bool) -> None:
    if not report.findings:
        return
    index = SentenceIndex.from_report(report)
    articles = {a.id: a for a in report.articles}
    for severity, group in findings_by_severity(report):
        style = SEVERITY_STYLE[severity]
        console.print(Rule(_t(f"{severity.upper()} ({len(group)})", style=style), style=style))
        for number, f in group:
            console.print(_finding_panel(f, number, report, index, articles, styled))


def _finding_panel(f: Finding, number: int, report: Report, index: SentenceIndex,
                   articles: dict[str, Article], styled: bool) -> Panel:
    style = SEVERITY_STYLE[f.severity]
    parts: list = [_t(f.summary, style="bold")]
    if f.check:
        parts.append(_t("Check: " + f.check, style="italic"))
    names = party_names(report, f.party_ids)
    if names:
        parts.append(_t("parties: " + " / ".join(names), style="dim"))
    for quote in group_evidence(index, f.evidence):
        label = article_source_line(articles.get(quote.article_id), quote.article_id)
        parts.append(_t(label + ":", style="dim italic"))
        parts.append(Padding(_quote_text(index.texts.get(quote.article_id, ""), quote.start,
                                         quote.end, [s for _, s in quote.spans], style, styled),
                             (0, 0, 0, 2)))
    return Panel(
        Group(*parts), box=box.ROUNDED, border_style=style, padding=(0, 1),
        title=_t(f"#{number} {kind_label(f.kind)}", style=style), title_align="left",
        subtitle=_t(f"confidence {f.confidence:.2f}", style="dim"), subtitle_align="right",
    )


def _quote_text(body: str, start: int, end: int, spans: list, style: str, styled: bool) -> Text:
    """The sentence around the evidence with the evidence itself standing out.

    Without colours (a file, a pipe) the evidence is wrapped in ``**`` so it
    still stands out.
    """
    text = Text("“")
    for marked, piece in marked_runs(body, spans, start, end):
        piece = _CONTROL.sub("\ufffd", piece.replace("\n", " "))
        if not marked:
            text.append(piece)
        elif styled:
            text.append(piece, style=f"bold underline {style}")
        else:
            text.append(f"**{piece}**")
    text.append("”")
    return text


def _ingest(console: Console, report: Report) -> None:
    for a in report.articles:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(overflow="fold")
        rows = [
            ("role", a.role), ("why", a.role_reason), ("title", a.title or ""),
            ("outlet", a.outlet or ""), ("date", a.published or ""), ("byline", a.byline or ""),
            ("url", a.url or ""), ("path", a.path), ("credits", " | ".join(a.credits)),
            ("removed", removed_summary(a)), ("body", f"{len(a.text):,} chars"),
        ]
        for key, value in rows:
            if value:
                grid.add_row(_t(key), _t(value))
        console.print(Panel(grid, title=_t(a.id, style="bold"), title_align="left",
                            box=box.ROUNDED, padding=(0, 1)))


def _errors(console: Console, report: Report) -> None:
    if not report.errors:
        return
    table = _table("Skipped inputs", "path", "reason")
    for e in report.errors:
        table.add_row(_t(e.path), _t(e.reason))
    console.print(table)
