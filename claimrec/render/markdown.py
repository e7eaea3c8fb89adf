"""A Markdown report a fact-checker can paste into a document.

Article text is escaped wherever it lands, so a story quoting ``*`` or
``[links](...)`` or starting a line with ``#`` cannot reshape the report.
"""

from __future__ import annotations

import re

from claimrec.models import Article, Finding, Report
from claimrec.render.highlight import (
    SentenceIndex, group_evidence, marked_runs, one_line, truncate,
)
from claimrec.derivation import derivation_phrase
from claimrec.render.captions import (
    article_name, claims_line, event_title, findings_by_severity, ingest_line,
    kind_label, pairs_and_rest, plural, party_names, removed_summary, speaker_label,
    summary_line,
)

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^([#+\-=>])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
_PLAIN_ID = re.compile(r"[\w .,:;/@+=#~()-]+")


def _inline(text: str) -> str:
    text = _INLINE_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))
    return _ENTITY.sub("&amp;", text)


def _block_safe(line: str) -> str:
    """Keep a line from opening a heading, list, quote or rule."""
    return _LIST_NUMBER.sub(r"\1\\\2", _BLOCK_START.sub(r"\\\1", line))


def md_escape(text: str) -> str:
    """One line of article text made inert as Markdown (and as inline HTML)."""
    return _block_safe(_inline(text.strip()))


def md_code(text: str) -> str:
    """Ids in code style when plain; anything odd (pipes end table cells even in
    code spans, some renderers pass ``<`` through) is escaped text instead."""
    text = one_line(text)
    return f"`{text}`" if _PLAIN_ID.fullmatch(text) else md_escape(text)


def render_markdown(report: Report, view: str = "report") -> str:
    out: list[str] = []
    title = event_title(report)
    heading = {"diff": "claimrec diff", "claims": "claimrec claims",
               "ingest": "claimrec ingest"}.get(view, "claimrec report")
    out.append(f"# {heading}" + (f": {md_escape(title)}" if title else ""))
    if view == "ingest":
        out += [f"**{ingest_line(report)}**", *_ingest(report), *_errors(report)]
        return _join(out)
    if view == "claims":
        out += [f"**{claims_line(report)}**", *_articles(report), *_claims(report),
                *_findings(report), *_parties(report), *_errors(report)]
        return _join(out)
    counts = " · ".join([plural(len(report.articles), "article"),
                         plural(len(report.claims), "claim"), plural(len(report.parties), "party")])
    out += [f"**{summary_line(report)}** · {counts}", *_articles(report)]
    if view == "diff":
        out += _alignments(report)
    out += [*_findings(report), *_parties(report), *_errors(report)]
    return _join(out)


def _join(blocks: list[str]) -> str:
    return "\n\n".join(b for b in blocks if b) + "\n"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _articles(report: Report) -> list[str]:
    rows = [[md_code(a.id), a.role, md_escape(a.outlet or ""), md_escape(a.title or "")]
            for a in report.articles]
    blocks = ["## Articles", _table(["id", "role", "outlet", "title"], rows)]
    names = {a.id: a for a in report.articles}
    for d in report.derivations:
        rewrite = md_escape(article_name(names.get(d.rewrite_id), d.rewrite_id))
        source = md_escape(article_name(names.get(d.source_id), d.source_id))
        blocks.append(f"Sentence alignment of *{rewrite}* against *{source}*: "
                      f"{md_escape(derivation_phrase(d))}.")
    return blocks


def _source_line(article: Article | None, article_id: str) -> str:
    if article is None:
        return md_code(article_id)
    bits = [f"*{md_escape(article.title)}*"] if article.title else []
    if article.outlet:
        bits.append(md_escape(article.outlet))
    bits.append(f"{md_code(article.id)}, {article.role}")
    return ", ".join(bits)


def _quote(body: str, start: int, end: int, spans: list) -> str:
    """The sentence around the evidence, evidence in bold, as one Markdown line."""
    pieces = []
    for marked, raw in marked_runs(body, spans, start, end):
        text = _inline(raw)
        if marked and text.strip():
            # emphasis markers must touch the words or Markdown ignores them
            lead = " " if text[:1] == " " else ""
            tail = " " if text[-1:] == " " else ""
            text = f"{lead}**{text.strip()}**{tail}"
        pieces.append(text)
    return _block_safe("".join(pieces).strip())


def _finding(f: Finding, number: int, report: Report, index: SentenceIndex,
             articles: dict[str, Article]) -> list[str]:
    meta = [f"{f.severity} severity", f"confidence {f.confidence:.2f}", md_code(f.kind)]
    parties = party_names(report, f.party_ids)
    if parties:
        meta.append("parties: " + ", ".join(md_escape(p) for p in parties))
    label = kind_label(f.kind).capitalize()
    # summaries often open with their own kind ("Hedge dropped: ..."); say it once
    heading = (md_escape(f.summary) if f.summary.lower().startswith(label.lower())
               else f"{label}: {md_escape(f.summary)}")
    blocks = [f"#### {number}. {heading}",
              "*" + " · ".join(meta) + "*"]
    if f.check:
        blocks.append(f"**Check:** {md_escape(f.check)}")
    for quote in group_evidence(index, f.evidence):
        body = index.texts.get(quote.article_id, "")
        where = ", ".join(f"chars {s.start}–{s.end}" for _, s in quote.spans)
        blocks.append(
            f"> {_quote(body, quote.start, quote.end, [s for _, s in quote.spans])}\n>\n"
            f"> — {_source_line(articles.get(quote.article_id), quote.article_id)}; {where}")
    return blocks


def _findings(report: Report) -> list[str]:
    if not report.findings:
        return ["## Findings", "No findings."] if report.claims or report.alignments else []
    index = SentenceIndex.from_report(report)
    articles = {a.id: a for a in report.articles}
    blocks = ["## Findings"]
    for severity, group in findings_by_severity(report):
        blocks.append(f"### {severity.capitalize()} severity ({len(group)})")
        for number, f in group:
            blocks += _finding(f, number, report, index, articles)
    return blocks


def _parties(report: Report) -> list[str]:
    if not report.parties:
        return []
    lines = []
    for p in report.parties:
        line = f"- **{md_escape(p.name)}** ({p.kind})"
        if p.aliases:
            line += ". Also: " + ", ".join(md_escape(a) for a in p.aliases)
        if p.members:
            members = [md_escape(m.name)
                       + (f" ({md_escape(', '.join(m.titles))})" if m.titles else "")
                       for m in p.members]
            line += ". Members: " + "; ".join(members)
        lines.append(line + ".")
    return ["## Parties", "\n".join(lines)]


def _claims(report: Report) -> list[str]:
    parties = {p.id: p for p in report.parties}
    blocks = ["## Claims"]
    if not report.claims:
        return blocks + ["No claims found."]
    for article in report.articles:
        claims = [c for c in report.claims if c.article_id == article.id]
        if not claims:
            continue
        rows = [[str(n), md_escape(speaker_label(c, parties, '→')),
                 md_escape(c.cue.text if c.cue else ""),
                 c.quote if c.kind == "speech" else f"{c.quote}, {c.kind}", c.stance, md_escape(truncate(c.content.text, 160)),
                 md_escape(", ".join(h.text for h in c.hedges)), md_escape(c.medium or "")]
                for n, c in enumerate(claims, 1)]
        heading = f"### {md_escape(article_name(article))} ({md_code(article.id)}, {article.role})"
        blocks += [heading,
                   _table(["#", "speaker → party", "cue", "quote", "stance", "content", "hedges",
                           "medium"], rows)]
    return blocks


def _alignments(report: Report) -> list[str]:
    blocks = []
    for source, rewrite in pairs_and_rest(report, "diff")[0]:
        rows = []
        aligned = [al for al in report.alignments if al.level == "sentence" and al.spans
                   and al.spans[0].article_id == rewrite.id]
        for al in sorted(aligned, key=lambda al: al.spans[0].start):
            src = " … ".join(s.text for s in al.spans[1:] if s.article_id == source.id)
            rows.append([md_escape(al.spans[0].text), al.relation, md_escape(src)])
        if rows:
            pair = f"{md_escape(article_name(rewrite))} against {md_escape(article_name(source))}"
            blocks += [f"## {pair}",
                       _table(["rewrite sentence", "relation", "source sentence(s)"], rows)]
    return blocks


def _ingest(report: Report) -> list[str]:
    rows = [[md_code(a.id), a.role, md_escape(a.role_reason), md_escape(a.title or ""),
             md_escape(a.outlet or ""), md_escape(a.published or ""),
             md_escape(" / ".join(a.credits)), md_escape(removed_summary(a)), f"{len(a.text):,}"]
            for a in report.articles]
    return ["## Articles", _table(["id", "role", "why", "title", "outlet", "date", "credits",
                                   "removed", "body chars"], rows)]


def _errors(report: Report) -> list[str]:
    if not report.errors:
        return []
    return ["## Skipped inputs",
            "\n".join(f"- {md_escape(e.path)}: {md_escape(e.reason)}" for e in report.errors)]
