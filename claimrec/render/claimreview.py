"""schema.org ClaimReview JSON-LD drafts for a fact-checker to finish.

One draft per party contradiction and per high-severity distortion. Drafts
carry no date and no review URL: both belong to the human who publishes
them, and leaving them out keeps the output identical from run to run.
"""

from __future__ import annotations

import json
import re
from typing import Any, Optional

from claimrec.models import Article, Claim, Finding, Party, Report, Span
from claimrec.render.highlight import SentenceIndex, one_line

_MIN_CLAIM_WORDS = 6
_WEB_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)

# The verdict word a reader sees (reviewRating.alternateName) for each kind.
RATING = {
    "party_contradiction": "Disputed",
    "attribution_changed": "Misattributed",
    "speaker_variant": "Misattributed",
    "quote_unsourced": "Unsupported",
    "unsupported_addition": "Unsupported",
    "quote_altered": "Distorted",
    "hedge_dropped": "Distorted",
    "hedge_added": "Distorted",
    "stance_flip": "Distorted",
    "role_swap": "Distorted",
    "number_changed": "Distorted",
    "date_changed": "Distorted",
    "modality_shift": "Distorted",
    "omission": "Missing context",
}


def reviewable(finding: Finding) -> bool:
    """Contradictions and high distortions; an omission makes no claim to review."""
    if finding.kind == "omission":
        return False
    return finding.kind == "party_contradiction" or finding.severity == "high"


def render_claimreview(report: Report) -> str:
    drafts = [claim_review(report, f) for f in report.findings if reviewable(f)]
    text = json.dumps(drafts, indent=2, ensure_ascii=False)
    # JSON-LD ends up inside <script type="application/ld+json">: no "</script>"
    # from an article may close it. <, > and & only occur inside JSON strings.
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return text + "\n"


def claim_review(report: Report, finding: Finding) -> dict[str, Any]:
    articles = {a.id: a for a in report.articles}
    claims = {c.id: c for c in report.claims}
    parties = {p.id: p for p in report.parties}
    claim, span = _reviewed(finding, claims, articles)
    index = SentenceIndex.from_report(report)
    appears_in = articles.get(span.article_id)
    first = _first_appearance(finding, articles, appears_in)
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": _author(finding, claim, parties, appears_in),
        "appearance": [_work(appears_in)] if appears_in else [],
    }
    if first is not None:
        item["firstAppearance"] = _work(first)
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": finding.id,
        "claimReviewed": _claim_text(index, claim, span),
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": RATING.get(finding.kind, "Disputed"),
            "ratingExplanation": _explanation(finding, articles),
        },
        "author": {"@type": "Organization", "name": "claimrec draft"},
    }


def _reviewed(finding: Finding, claims: dict[str, Claim],
              articles: dict[str, Article]) -> tuple[Optional[Claim], Span]:
    """The claim under review and where it sits.

    A contradiction reviews the asserting side (the denial is the counter-
    evidence); a distortion reviews what the rewrite says.
    """
    found = [claims[c] for c in finding.claim_ids if c in claims]

    def role(article_id: str) -> str:
        a = articles.get(article_id)
        return a.role if a else "peer"

    if finding.kind == "party_contradiction":
        ranked = sorted(found, key=lambda c: c.stance != "assert")
        return (ranked[0], ranked[0].content) if ranked else (None, finding.evidence[0])
    for c in found:
        if role(c.article_id) == "rewrite":
            return c, c.content
    for span in finding.evidence:
        if role(span.article_id) == "rewrite":
            return None, span
    return (found[0], found[0].content) if found else (None, finding.evidence[0])


def _claim_text(index: SentenceIndex, claim: Optional[Claim], span: Span) -> str:
    """What is claimed, as a reader would quote it.

    A claim's content when it says something on its own; otherwise (a bare
    noun phrase, an evidence fragment) the whole sentence around it.
    """
    if claim is not None and len(claim.content.text.split()) >= _MIN_CLAIM_WORDS:
        return one_line(claim.content.text)
    if claim is not None:
        return one_line(claim.sentence.text)
    start, end = index.context(span)
    return one_line(index.texts.get(span.article_id, "")[min(start, span.start):max(end, span.end)])


def _first_appearance(finding: Finding, articles: dict[str, Article],
                      fallback: Optional[Article]) -> Optional[Article]:
    for a in articles.values():
        if a.role == "source" and any(s.article_id == a.id for s in finding.evidence):
            return a
    for a in articles.values():
        if a.role == "source":
            return a
    return fallback


def _author(finding: Finding, claim: Optional[Claim], parties: dict[str, Party],
            article: Optional[Article]) -> dict[str, str]:
    """Who makes the claim: the speaker for a contradiction, the publisher for a distortion."""
    if finding.kind == "party_contradiction" or (article is None or article.role != "rewrite"):
        if claim and claim.speaker:
            party = parties.get(claim.speaker.party_id or "")
            if party is not None:
                kind = "Person" if party.kind == "person" else "Organization"
                return {"@type": kind, "name": party.name}
            kind = "Person" if claim.speaker.kind == "person" else "Organization"
            return {"@type": kind, "name": claim.speaker.name or claim.speaker.text}
        names = [parties[p].name for p in finding.party_ids if p in parties]
        if names:
            return {"@type": "Organization", "name": names[0]}
    if article is not None:
        if article.outlet:
            return {"@type": "Organization", "name": article.outlet}
        if article.byline:
            return {"@type": "Person", "name": article.byline}
        return {"@type": "Organization", "name": f"publisher of {article.title or article.id}"}
    return {"@type": "Organization", "name": "unknown"}


def _work(article: Article) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "NewsArticle", "name": article.title or article.id}
    if article.title:
        work["headline"] = article.title
    if article.url and _WEB_URL.match(article.url):
        work["url"] = article.url
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.published:
        work["datePublished"] = article.published
    return work


def _explanation(finding: Finding, articles: dict[str, Article]) -> str:
    quotes = []
    for span in finding.evidence:
        a = articles.get(span.article_id)
        where = f"{a.title or a.outlet or a.id}, {a.role}" if a else span.article_id
        quotes.append(f"“{one_line(span.text)}” ({where})")
    summary = one_line(finding.summary).rstrip(".")
    return f"{summary}. Evidence: " + "; ".join(quotes)
