"""One self-contained HTML page: source and rewrite side by side, findings linked to their evidence.

The page itself is the template ``templates/report.html.j2`` (Jinja2, autoescaped);
this module builds what it shows: the findings, the article columns and the
article bodies with their highlights. Article text is untrusted: the template
escapes every value, and the bodies, the one piece of markup made here, escape
every piece of text with :func:`esc` (``html.escape`` with quotes). Ids and data
attributes are rebuilt from a safe alphabet, URLs from articles are shown as
text and never as links, and a Content-Security-Policy forbids loading anything.
Overlapping highlights are cut into flat segments (see ``highlight.segment``)
so every segment opens and closes its own tags and the markup stays well formed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from claimrec.derivation import derivation_phrase
from claimrec.models import Alignment, Article, Claim, Finding, Report
from claimrec.render.highlight import Mark, Segment, segment, truncate
from claimrec.render.html_assets import CSP, CSS, JS
from claimrec.render.captions import (
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


# ---- page: a view model for the template (templates/report.html.j2) -------------------------

@dataclass(frozen=True)
class Code:
    """A table cell shown as code (an article id)."""

    text: str


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("claimrec.render", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.tests["code"] = lambda value: isinstance(value, Code)
    return env.get_template("report.html.j2")


def render_html(report: Report, view: str = "report") -> str:
    from markupsafe import Markup

    page = _Page(report, view)
    heading = {"diff": "claimrec diff", "claims": "claimrec claims",
               "ingest": "claimrec ingest"}.get(view, "claimrec report")
    main = _main(page)  # first: the legend lists what the columns turned out to show
    return _template().render(
        csp=CSP, css=Markup(CSS), js=Markup(JS), heading=heading, title=event_title(report),
        summary=_summary(page), legend=_legend(page), aside=_aside(page),
        parties=report.parties, errors=report.errors, **main,
    )


def _summary(page: _Page) -> dict:
    report = page.report
    if page.view == "ingest":
        return {"line": ingest_line(report)}
    if page.view == "claims":
        return {"line": claims_line(report)}
    counts = severity_counts(report.findings)
    return {
        "line": None, "findings": plural(len(report.findings), "finding"),
        "pills": [{"severity": s, "count": counts[s]} for s in SEVERITIES],
        "counts": " · ".join(plural(len(items), word) for items, word in (
            (report.articles, "article"), (report.claims, "claim"), (report.parties, "party"))),
    }


_RELATION_LEGEND = (("verbatim", "verbatim"), ("rewritten", "rewritten"), ("new", "new in rewrite"))


def _legend(page: _Page) -> list[dict]:
    """Keys for what the columns show, and only that (the columns are rendered first)."""
    keys = [{"cls": f"s-{rel}", "label": label} for rel, label in _RELATION_LEGEND if rel in page.relations]
    if page.dimmed:
        keys.append({"cls": "gone", "label": "source text not used"})
    if page.numbered:
        keys.append({"cls": "sn", "label": "aligned pair"})
    return keys


def _aside(page: _Page) -> Optional[dict]:
    report = page.report
    if not report.findings and page.view in ("claims", "ingest"):
        return None
    index = {id(f): i for i, f in enumerate(report.findings)}
    groups = [{"severity": severity,
               "cards": [_finding_card(page, f, number, page.finding_anchor[index[id(f)]]) for number, f in group]}
              for severity, group in findings_by_severity(report)]
    return {"groups": groups}


def _finding_card(page: _Page, f: Finding, number: int, anchor: str) -> dict:
    evidence = []
    for span in f.evidence:
        article = page.articles.get(span.article_id)
        evidence.append({"where": article.role if article else span.article_id,
                         "label": article_name(article, span.article_id),
                         "text": truncate(span.text, 110)})
    return {"anchor": anchor, "number": number, "kind": kind_label(f.kind), "severity": f.severity,
            "confidence": f"{f.confidence:.2f}", "summary": f.summary, "check": f.check,
            "parties": " · ".join(party_names(page.report, f.party_ids)), "evidence": evidence}


def _main(page: _Page) -> dict:
    report, view = page.report, page.view
    out: dict = {"table": None, "pairs": [], "columns": None}
    if view == "ingest":
        out["table"] = _ingest_table(report)
        out["columns"] = _columns(page, report.articles, "Articles")
    elif view == "claims":
        out["table"] = _claims_table(page)
        out["columns"] = _columns(page, report.articles, "Articles")
    else:
        pairs, rest = pairs_and_rest(report, view)
        out["pairs"] = [_pair(page, source, rewrite) for source, rewrite in pairs]
        if rest:
            out["columns"] = _columns(page, rest, "Other articles" if pairs else "Articles")
    return out


def _pair(page: _Page, source: Article, rewrite: Article) -> dict:
    report = page.report
    aligned = [(i, al) for i, al in enumerate(report.alignments)
               if al.level == "sentence" and al.spans and al.spans[0].article_id == rewrite.id
               and all(s.article_id in (source.id, rewrite.id) for s in al.spans)]
    aligned.sort(key=lambda pair: pair[1].spans[0].start)
    sentence_marks = _sentence_marks(aligned, source.id)
    derivations = [derivation_phrase(d) for d in report.derivations
                   if d.source_id == source.id and d.rewrite_id == rewrite.id]
    return {"source": _article(page, source, sentence_marks.get(source.id, []), dim_unused=bool(aligned)),
            "rewrite": _article(page, rewrite, sentence_marks.get(rewrite.id, []), dim_unused=False),
            "derivations": derivations}


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


def _columns(page: _Page, articles: Sequence[Article], title: str) -> dict:
    return {"title": title, "articles": [_article(page, a, [], dim_unused=False) for a in articles]}


# ---- one article column -----------------------------------------------------------------

def _article(page: _Page, article: Article, extra: list[Mark], *, dim_unused: bool) -> dict:
    from markupsafe import Markup

    marks = list(extra) + _evidence_marks(page, article)
    if page.view == "claims":
        marks += _claim_marks(page, article)
    # every piece of article text in the body went through esc() in _segment_html
    body = Markup("".join(_segment_html(page, seg, dim_unused) for seg in segment(article.text, marks)))
    name = article_name(article)  # title, else outlet, else id: every column gets a heading
    return {
        "role": article.role, "name": name, "id": article.id,
        "meta": [x for x in (article.outlet, article.published, article.byline) if x and x != name],
        "url": article.url,  # shown, never linked: article URLs are untrusted
        "reason": article.role_reason, "empty": not article.text.strip(), "body": body,
        "credits": article.credits, "removed": article.removed, "removed_summary": removed_summary(article),
    }


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

def _claims_table(page: _Page) -> dict:
    report = page.report
    parties = {p.id: p for p in report.parties}
    rows = []
    for i, c in enumerate(report.claims):
        rows.append({"anchor": _claim_anchor(i, c), "cells": [
            str(i + 1), Code(c.article_id), speaker_label(c, parties), c.cue.text if c.cue else "",
            c.quote, c.stance, truncate(c.content.text, 160), ", ".join(h.text for h in c.hedges),
            c.medium or ""]})
    return {"title": "Claims", "empty": "No claims found.", "rows": rows,
            "header": ["#", "article", "speaker → party", "cue", "quote", "stance", "content", "hedges",
                       "medium"]}


def _ingest_table(report: Report) -> dict:
    rows = [{"anchor": None, "cells": [
        Code(a.id), a.role, a.role_reason, a.title or "", a.outlet or "", a.published or "",
        " / ".join(a.credits), removed_summary(a), f"{len(a.text):,}"]} for a in report.articles]
    return {"title": "Articles read", "empty": "No articles.", "rows": rows,
            "header": ["id", "role", "why", "title", "outlet", "date", "credits", "removed", "body chars"]}
