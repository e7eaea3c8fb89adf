"""Names and one-liners every renderer words the same way."""

from __future__ import annotations

from typing import Optional

from claimrec.models import SEVERITY_RANK, Article, Claim, Finding, Party, Report

VIEWS = ("report", "diff", "claims", "ingest")
SEVERITIES = tuple(sorted(SEVERITY_RANK, key=lambda s: -SEVERITY_RANK[s]))  # high first


def severity_counts(findings: list[Finding]) -> dict[str, int]:
    counts = {s: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.severity] += 1
    return counts


def summary_line(report: Report) -> str:
    """``N findings: x high, y medium, z low`` (``1 finding: ...``); a fixed shape scripts can grep."""
    counts = severity_counts(report.findings)
    parts = ", ".join(f"{counts[s]} {s}" for s in SEVERITIES)
    return f"{plural(len(report.findings), 'finding')}: {parts}"


def claims_line(report: Report) -> str:
    return f"{plural(len(report.claims), 'claim')} in {plural(len(report.articles), 'article')}"


def ingest_line(report: Report) -> str:
    skipped = f", {len(report.errors)} skipped" if report.errors else ""
    return f"{plural(len(report.articles), 'article')} read{skipped}"


def kind_label(kind: str) -> str:
    return kind.replace("_", " ")


def findings_by_severity(report: Report) -> list[tuple[str, list[tuple[int, Finding]]]]:
    """Non-empty severity groups, high first; inside a group most certain first.

    Each finding comes with its 1-based display number, so every format
    numbers alike (positions, not ids: an upstream duplicate id must not
    give two findings one number).
    """
    groups: list[tuple[str, list[Finding]]] = []
    for sev in SEVERITIES:
        group = [f for f in report.findings if f.severity == sev]
        if group:
            groups.append((sev, sorted(group, key=lambda f: -f.confidence)))
    numbered, n = [], 0
    for sev, group in groups:
        items = []
        for f in group:
            n += 1
            items.append((n, f))
        numbered.append((sev, items))
    return numbered


def finding_numbers(report: Report) -> dict[int, int]:
    """Display number of each finding, keyed by its position in ``report.findings``."""
    position = {id(f): i for i, f in enumerate(report.findings)}
    return {position[id(f)]: n for _, group in findings_by_severity(report) for n, f in group}


def article_name(article: Optional[Article], fallback: str = "") -> str:
    """How a quote's source is named: title, outlet, then id."""
    if article is None:
        return fallback
    return article.title or article.outlet or article.id


def article_source_line(article: Optional[Article], fallback: str = "") -> str:
    """``Title (Outlet, id, role)`` with whatever is known, nothing said twice."""
    if article is None:
        return fallback
    name = article_name(article)
    extra = [article.outlet if article.outlet and article.outlet != name else None,
             article.id if article.id != name else None, article.role]
    return f"{name} ({', '.join(x for x in extra if x)})"


def event_title(report: Report) -> str:
    for role in ("source", "rewrite", "peer"):
        for a in report.articles:
            if a.role == role and a.title:
                return a.title
    return ""


def party_names(report: Report, party_ids: list[str]) -> list[str]:
    parties = {p.id: p for p in report.parties}
    return [parties[p].name if p in parties else p for p in party_ids]


def speaker_label(claim: Claim, parties: dict[str, Party], arrow: str = "->") -> str:
    """``speaker -> party`` (the party only when it adds something)."""
    if claim.speaker is None:
        return "?"
    who = claim.speaker.name or claim.speaker.text
    party = parties.get(claim.speaker.party_id or "")
    if party and party.name != who:
        return f"{who} {arrow} {party.name}"
    return who


def pairs_and_rest(report: Report,
                   view: str) -> tuple[list[tuple[Article, Article]], list[Article]]:
    """Source/rewrite pairs to show side by side, and the articles in no pair.

    ``diff`` shows one pair (falling back to the first two articles when
    roles are missing); ``report`` pairs the source with each rewrite.
    """
    articles = report.articles
    sources = [a for a in articles if a.role == "source"]
    rewrites = [a for a in articles if a.role == "rewrite"]
    pairs: list[tuple[Article, Article]] = []
    if sources and rewrites:
        pairs = [(sources[0], rw) for rw in rewrites]
        if view == "diff":
            pairs = pairs[:1]
    elif view == "diff" and len(articles) >= 2:
        pairs = [(articles[0], articles[1])]
    shown = {a.id for pair in pairs for a in pair}
    return pairs, [a for a in articles if a.id not in shown]


def removed_summary(article: Article) -> str:
    """``paywall 1,234 chars; share 80 chars`` for the ingest view."""
    sizes: dict[str, int] = {}
    for r in article.removed:
        sizes[r.kind] = sizes.get(r.kind, 0) + len(r.text)
    return "; ".join(f"{k} {v:,} chars" for k, v in sizes.items())


def plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word[:-1]}ies" if word.endswith("y") else f"{n} {word}s"
