"""One self-contained HTML page: source and rewrite side by side, findings linked to their evidence.

Article text is untrusted. Every string that reaches the page goes through
:func:`esc` (``html.escape`` with quotes), ids and data attributes are
rebuilt from a safe alphabet, URLs from articles are shown as text and never
as links, and a Content-Security-Policy forbids loading anything.
Overlapping highlights are cut into flat segments (see ``highlight.segment``)
so every segment opens and closes its own tags and the markup stays well formed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from claimrec.derivation import derivation_phrase
from claimrec.models import Alignment, Article, Claim, Finding, Report
from claimrec.render.highlight import Mark, Segment, segment, truncate
from claimrec.render.html_assets import CSP, CSS, JS
from claimrec.render.labels import (
    SEVERITIES, article_name, claims_line, event_title, findings_by_severity, finding_numbers,
    ingest_line, kind_label, pairs_and_rest, party_names, removed_summary, severity_counts,
    plural, speaker_label,
)


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def safe_id(value: str) -> str:
    """An id/attribute value from any string: ``[A-Za-z0-9-]`` kept, the rest encoded.

    ``_`` is encoded too, which keeps the mapping one-to-one.
    """
    return re.sub(r"[^A-Za-z0-9-]", lambda m: f"_{ord(m.group()):x}_", value)


# ---- what a highlight means -------------------------------------------------------------

@dataclass(frozen=True)
class _Sentence:
    anchor: str          # id of this side of the alignment
    group: str           # shared by every side of one alignment (hover)
    relation: str
    similarity: float
    partner: Optional[str]   # id of the other side to jump to
    number: Optional[int]    # shown on both sides so pairs can be matched by eye


@dataclass(frozen=True)
class _Evidence:
    anchor: str
    finding: str         # finding anchor (without "f-")
    severity: str
    number: int
    title: str


@dataclass(frozen=True)
class _ClaimMark:
    anchor: str
    group: str
    quote: str
    title: str


@dataclass(frozen=True)
class _Style:
    cls: str


class _Page:
    """Per-page state: stable anchors for findings and ids already written."""

    def __init__(self, report: Report, view: str):
        self.report = report
        self.view = view
        self.articles = {a.id: a for a in report.articles}
        self.numbers = finding_numbers(report)
        self.finding_anchor: dict[int, str] = {}
        taken: set[str] = set()
        for i, f in enumerate(report.findings):
            anchor, k = safe_id(f.id), 2
            while anchor in taken:  # duplicate ids upstream must not break the links
                anchor, k = f"{safe_id(f.id)}-{k}", k + 1
            taken.add(anchor)
            self.finding_anchor[i] = anchor
        self.written: set[str] = set()
        # what the columns actually show, so the legend lists nothing else
        self.relations: set[str] = set()
        self.dimmed = False
        self.numbered = False

    def id_attr(self, anchor: str) -> str:
        """``id="..."`` the first time an anchor is written, nothing after."""
        if anchor in self.written:
            return ""
        self.written.add(anchor)
        return f' id="{esc(anchor)}"'


# ---- page ---------------------------------------------------------------------------------

def render_html(report: Report, view: str = "report") -> str:
    page = _Page(report, view)
    heading = {"diff": "claimrec diff", "claims": "claimrec claims",
               "ingest": "claimrec ingest"}.get(view, "claimrec report")
    title = event_title(report)
    main = _main(page)
    aside = _aside(page)
    layout = "layout" if aside else "layout single"
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{esc(heading + (': ' + title if title else ''))}</title>\n",
        f"<style>{CSS}</style>\n</head>\n<body>\n",
        _top(page, heading, title),
        f'<div class="{layout}">\n{aside}<main>\n{main}</main>\n</div>\n',
        f"<script>{JS}</script>\n</body>\n</html>\n",
    ])


def _top(page: _Page, heading: str, title: str) -> str:
    report = page.report
    counts = severity_counts(report.findings)
    if page.view == "ingest":
        summary = f"<span>{esc(ingest_line(report))}</span>"
    elif page.view == "claims":
        summary = f"<span>{esc(claims_line(report))}</span>"
    else:
        pills = "".join(
            f'<span class="pill {s}{"" if counts[s] else " zero"}">{counts[s]} {s}</span>'
            for s in SEVERITIES)
        counts_line = " · ".join(plural(len(items), word) for items, word in (
            (report.articles, "article"), (report.claims, "claim"), (report.parties, "party")))
        summary = (f"<strong>{plural(len(report.findings), 'finding')}</strong>{pills}"
                   f"<span>· {esc(counts_line)}</span>")
    legend = _legend(page)
    event = f' <span class="event">{esc(title)}</span>' if title else ""
    return (f'<header class="top"><h1>{esc(heading)}{event}</h1>'
            f'<p class="summary">{summary}</p>{legend}</header>\n')


_RELATION_LEGEND = (("verbatim", "verbatim"), ("rewritten", "rewritten"), ("new", "new in rewrite"))


def _legend(page: _Page) -> str:
    """Keys for what the columns show, and only that (the columns are rendered first)."""
    keys = [f'<span><span class="k s-{rel}">{label}</span></span>'
            for rel, label in _RELATION_LEGEND if rel in page.relations]
    if page.dimmed:
        keys.append('<span><span class="k gone">source text not used</span></span>')
    if page.numbered:
        keys.append('<span><span class="sn">1</span>aligned pair</span>')
    return f'<div class="legend">{"".join(keys)}</div>' if keys else ""


def _aside(page: _Page) -> str:
    report = page.report
    if not report.findings and page.view in ("claims", "ingest"):
        return ""
    parts = ["<aside>\n<h2>Findings</h2>\n"]
    if not report.findings:
        parts.append('<p class="empty">No findings.</p>\n')
    else:
        parts.append('<p class="hint">Point at or click a finding to show its evidence in the '
                     'articles; Escape clears.</p>\n')
    index = {id(f): i for i, f in enumerate(report.findings)}
    for severity, group in findings_by_severity(report):
        parts.append(f'<h3 class="{severity}">{severity} ({len(group)})</h3>\n'
                     '<ol class="findings">\n')
        for number, f in group:
            parts.append(_finding_card(page, f, number, page.finding_anchor[index[id(f)]]))
        parts.append("</ol>\n")
    parts.append("</aside>\n")
    return "".join(parts)


def _finding_card(page: _Page, f: Finding, number: int, anchor: str) -> str:
    names = party_names(page.report, f.party_ids)
    parties = f'<p class="fparties">{esc(" · ".join(names))}</p>' if names else ""
    items = []
    for n, span in enumerate(f.evidence):
        article = page.articles.get(span.article_id)
        where = article.role if article else span.article_id
        label = article_name(article, span.article_id)
        items.append(
            f'<li><a href="#ev-{esc(anchor)}-{n}" title="{esc(label)}">'
            f'<span class="where">{esc(where)}</span>'
            f'“{esc(truncate(span.text, 110))}”</a></li>')
    return (f'<li class="finding {esc(f.severity)}" id="f-{esc(anchor)}" data-f="{esc(anchor)}">'
            f'<div class="fhead"><span class="fnum">{number}.</span>'
            f'<span class="fkind">{esc(kind_label(f.kind))}</span>'
            f'<span class="fconf">{esc(f.severity)} · {f.confidence:.2f}</span></div>'
            f'<p class="fsum">{esc(f.summary)}</p>{parties}'
            f'<ul class="evlist">{"".join(items)}</ul></li>\n')


def _main(page: _Page) -> str:
    report, view = page.report, page.view
    parts: list[str] = []
    if view == "ingest":
        parts.append(_ingest_table(report))
        parts.append(_columns(page, report.articles, "Articles"))
    elif view == "claims":
        parts.append(_claims_table(page))
        parts.append(_columns(page, report.articles, "Articles"))
    else:
        pairs, rest = pairs_and_rest(report, view)
        for source, rewrite in pairs:
            parts.append(_pair(page, source, rewrite))
        if rest:
            parts.append(_columns(page, rest, "Other articles" if pairs else "Articles"))
    parts.append(_parties(report))
    parts.append(_errors(report))
    return "".join(parts)


def _pair(page: _Page, source: Article, rewrite: Article) -> str:
    report = page.report
    aligned = [(i, al) for i, al in enumerate(report.alignments)
               if al.level == "sentence" and al.spans and al.spans[0].article_id == rewrite.id
               and all(s.article_id in (source.id, rewrite.id) for s in al.spans)]
    aligned.sort(key=lambda pair: pair[1].spans[0].start)
    sentence_marks = _sentence_marks(aligned, source.id)
    head = (f'<h2><span class="muted">{esc(source.role)}</span> {esc(article_name(source))} ↔ '
            f'<span class="muted">{esc(rewrite.role)}</span> {esc(article_name(rewrite))}</h2>')
    for d in report.derivations:
        if d.source_id == source.id and d.rewrite_id == rewrite.id:
            head += f"<span>sentence alignment: {esc(derivation_phrase(d))}</span>"
    cols = "".join(
        _article(page, a, sentence_marks.get(a.id, []), dim_unused=a is source and bool(aligned))
        for a in (source, rewrite))
    return (f'<section class="pair"><div class="pairhead">{head}</div>'
            f'<div class="cols">{cols}</div></section>\n')


def _sentence_marks(aligned: list[tuple[int, Alignment]], source_id: str) -> dict[str, list[Mark]]:
    marks: dict[str, list[Mark]] = {}
    number = 0
    for i, al in aligned:
        group = f"al-{i}"
        first_source = next(
            (n for n, s in enumerate(al.spans) if n and s.article_id == source_id), None)
        linked = first_source is not None
        if linked:
            number += 1
        for n, span in enumerate(al.spans):
            partner = (f"{group}-{first_source}" if n == 0 else f"{group}-0") if linked else None
            key = _Sentence(anchor=f"{group}-{n}", group=group, relation=al.relation,
                            similarity=al.similarity, partner=partner,
                            number=number if linked else None)
            marks.setdefault(span.article_id, []).append(Mark(span.start, span.end, key))
    return marks


def _columns(page: _Page, articles: Sequence[Article], title: str) -> str:
    cols = "".join(_article(page, a, [], dim_unused=False) for a in articles)
    return f'<section class="pair"><h2>{esc(title)}</h2><div class="cols">{cols}</div></section>\n'


# ---- one article column -----------------------------------------------------------------

def _article(page: _Page, article: Article, extra: list[Mark], *, dim_unused: bool) -> str:
    marks = list(extra) + _evidence_marks(page, article)
    if page.view == "claims":
        marks += _claim_marks(page, article)
    body = "".join(_segment_html(page, seg, dim_unused) for seg in segment(article.text, marks))
    if not article.text.strip():
        body = '<span class="empty">(empty body)</span>' + body
    return (f'<article class="doc {esc(article.role)}">{_article_head(article)}'
            f'<div class="body">{body}</div>{_article_foot(article)}</article>')


def _article_head(a: Article) -> str:
    name = article_name(a)  # title, else outlet, else id: every column gets a heading
    meta = [esc(x) for x in (a.outlet, a.published, a.byline) if x and x != name]
    meta.append(f"<code>{esc(a.id)}</code>")
    if a.url:  # shown, never linked: article URLs are untrusted
        meta.append(f'<span class="mono">{esc(a.url)}</span>')
    reason = f'<div class="meta">{esc(a.role)}: {esc(a.role_reason)}</div>' if a.role_reason else ""
    return (f'<header><span class="role {esc(a.role)}">{esc(a.role)}</span><h2>{esc(name)}</h2>'
            f'<div class="meta">{" · ".join(meta)}</div>{reason}</header>')


def _article_foot(a: Article) -> str:
    bits = []
    if a.credits:
        bits.append("Credits: " + "<br>".join(esc(c) for c in a.credits))
    if a.removed:
        removed = "".join(f"<pre>{esc(r.kind)}: {esc(r.text)}</pre>" for r in a.removed)
        bits.append(f"<details><summary>Removed: {esc(removed_summary(a))}</summary>"
                    f"{removed}</details>")
    return f"<footer>{'<br>'.join(bits)}</footer>" if bits else "<footer></footer>"


def _evidence_marks(page: _Page, article: Article) -> list[Mark]:
    marks = []
    for i, f in enumerate(page.report.findings):
        anchor = page.finding_anchor[i]
        title = f"#{page.numbers[i]} {kind_label(f.kind)}: {f.summary}"
        for n, span in enumerate(f.evidence):
            if span.article_id == article.id:
                key = _Evidence(anchor=f"ev-{anchor}-{n}", finding=anchor, severity=f.severity,
                                number=page.numbers[i], title=title)
                marks.append(Mark(span.start, span.end, key))
    return marks


def _claim_marks(page: _Page, article: Article) -> list[Mark]:
    parties = {p.id: p for p in page.report.parties}
    marks = []
    for i, c in enumerate(page.report.claims):
        if c.article_id != article.id:
            continue
        anchor = _claim_anchor(i, c)
        cue = c.cue.text if c.cue else ""
        title = f"{speaker_label(c, parties, '→')} · {cue} · {c.quote} · {c.stance}"
        marks.append(Mark(c.content.start, c.content.end,
                          _ClaimMark(anchor=anchor, group=anchor, quote=c.quote, title=title)))
        if c.speaker and c.speaker.span and c.speaker.span.article_id == article.id:
            marks.append(Mark(c.speaker.span.start, c.speaker.span.end, _Style("spk")))
        if c.cue and c.cue.span and c.cue.span.article_id == article.id:
            marks.append(Mark(c.cue.span.start, c.cue.span.end, _Style("cue")))
    return marks


def _claim_anchor(index: int, claim: Claim) -> str:
    return f"c-{index}-{safe_id(claim.id)}"


def _segment_html(page: _Page, seg: Segment, dim_unused: bool) -> str:
    before, opening, closing, after = [], [], [], []
    for m in seg.opens:
        key = m.key
        if isinstance(key, _Sentence) and key.partner and key.number is not None:
            before.append(f'<a class="sn" href="#{esc(key.partner)}" '
                          f'title="aligned sentence in the other column">{key.number}</a>')
    opened = set(id(m) for m in seg.opens)
    for m in seg.marks:
        key = m.key
        first = id(m) in opened
        if isinstance(key, _Sentence):
            page.relations.add(key.relation)
            page.numbered = page.numbered or key.number is not None
            ident = page.id_attr(key.anchor) if first else ""
            opening.append(f'<span class="s s-{esc(key.relation)}"{ident} '
                           f'data-al="{esc(key.group)}" '
                           f'title="{esc(key.relation)} · similarity {key.similarity:.2f}">')
            closing.append("</span>")
        elif isinstance(key, _Evidence):
            ident = page.id_attr(key.anchor) if first else ""
            opening.append(f'<mark class="ev {esc(key.severity)}"{ident} '
                           f'data-f="{esc(key.finding)}" title="{esc(key.title)}">')
            closing.append("</mark>")
        elif isinstance(key, _ClaimMark):
            ident = page.id_attr(key.anchor) if first else ""
            opening.append(f'<mark class="cl q-{esc(key.quote)}"{ident} data-c="{esc(key.group)}" '
                           f'title="{esc(key.title)}">')
            closing.append("</mark>")
        elif isinstance(key, _Style):
            opening.append(f'<span class="{esc(key.cls)}">')
            closing.append("</span>")
    seen: set[str] = set()
    for m in seg.closes:
        key = m.key
        if isinstance(key, _Evidence) and key.finding not in seen:
            seen.add(key.finding)
            after.append(f'<a class="fn {esc(key.severity)}" href="#f-{esc(key.finding)}" '
                         f'data-f="{esc(key.finding)}" title="{esc(key.title)}">{key.number}</a>')
    text = _text_html(seg.text)
    if dim_unused and text.strip() and not any(isinstance(m.key, _Sentence) for m in seg.marks):
        page.dimmed = True
        text = f'<span class="gone">{text}</span>'
    return "".join(before) + "".join(opening) + text + "".join(reversed(closing)) + "".join(after)


def _text_html(text: str) -> str:
    # a line break becomes a small block gap: paragraphs read as paragraphs
    return '<span class="gap"></span>'.join(esc(line) for line in text.split("\n"))


# ---- tables -------------------------------------------------------------------------------

def _claims_table(page: _Page) -> str:
    report = page.report
    parties = {p.id: p for p in report.parties}
    if not report.claims:
        return '<h2>Claims</h2><p class="empty">No claims found.</p>\n'
    rows = []
    for i, c in enumerate(report.claims):
        anchor = _claim_anchor(i, c)
        rows.append(
            f'<tr data-c="{esc(anchor)}"><td><a href="#{esc(anchor)}">{i + 1}</a></td>'
            f"<td><code>{esc(c.article_id)}</code></td><td>{esc(speaker_label(c, parties))}</td>"
            f"<td>{esc(c.cue.text if c.cue else '')}</td><td>{esc(c.quote)}</td>"
            f"<td>{esc(c.stance)}</td><td>{esc(truncate(c.content.text, 160))}</td>"
            f"<td>{esc(', '.join(h.text for h in c.hedges))}</td>"
            f"<td>{esc(c.medium or '')}</td></tr>")
    return ("<h2>Claims</h2><table class=\"grid\"><thead><tr><th>#</th><th>article</th>"
            "<th>speaker → party</th><th>cue</th><th>quote</th><th>stance</th><th>content</th>"
            "<th>hedges</th><th>medium</th></tr></thead><tbody>" + "".join(rows)
            + "</tbody></table>\n")


def _ingest_table(report: Report) -> str:
    rows = []
    for a in report.articles:
        cells = [f"<code>{esc(a.id)}</code>", esc(a.role), esc(a.role_reason), esc(a.title or ""),
                 esc(a.outlet or ""), esc(a.published or ""), esc(" / ".join(a.credits)),
                 esc(removed_summary(a)), f"{len(a.text):,}"]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("id", "role", "why", "title", "outlet", "date",
                                            "credits", "removed", "body chars"))
    return (f'<h2>Articles read</h2><table class="grid"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>\n")


def _parties(report: Report) -> str:
    if not report.parties:
        return ""
    cards = []
    for p in report.parties:
        aliases = f'<div class="muted">also: {esc(", ".join(p.aliases))}</div>' if p.aliases else ""
        members = "".join(
            f"<div>{esc(m.name)}" + (f' <span class="muted">({esc(", ".join(m.titles))})</span>'
                                     if m.titles else "") + "</div>" for m in p.members)
        cards.append(f'<div class="party"><b>{esc(p.name)}</b> '
                     f'<span class="muted">{esc(p.kind)}</span>{aliases}{members}</div>')
    return f'<section><h2>Parties</h2><div class="parties">{"".join(cards)}</div></section>\n'


def _errors(report: Report) -> str:
    if not report.errors:
        return ""
    items = "".join(f"<li><code>{esc(e.path)}</code>: {esc(e.reason)}</li>" for e in report.errors)
    return f"<section><h2>Skipped inputs</h2><ul>{items}</ul></section>\n"
