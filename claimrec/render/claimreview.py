"""schema.org ClaimReview JSON-LD drafts for a fact-checker to finish.

One draft per party contradiction and per high-severity distortion. Drafts
carry no review author, date or URL: they belong to the fact-checker who
publishes the review (``creativeWorkStatus`` says "Draft" until then), and
leaving them out keeps the output identical from run to run. A claim's
author is named only when the articles name one: no placeholder.

``firstAppearance`` is the article where the reviewed words first appear:
for a distortion the rewrite that introduced them, for a party's assertion
the earliest published of the articles that carry it (the wire source when
no dates tell).
"""

from __future__ import annotations

import json
import re
from typing import Any, Optional

from claimrec.ingest.dates import parse_date, sort_key
from claimrec.models import Article, Claim, Finding, Party, Report, Span
from claimrec.render.highlight import SentenceIndex, one_line
from claimrec.text.lookups import parties as party_tables
from claimrec.text.normalize import norm

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
    where = _appearances(finding, claim, appears_in, report, articles)
    item: dict[str, Any] = {"@type": "Claim"}
    author = _author(finding, claim, parties, appears_in)
    if author is not None:
        item["author"] = author
    item["appearance"] = [_work(a) for a in where]
    first = _first_appearance(where)
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
        "creativeWorkStatus": "Draft",
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


def _appearances(finding: Finding, claim: Optional[Claim], appears_in: Optional[Article],
                 report: Report, articles: dict[str, Article]) -> list[Article]:
    """The articles that make the reviewed claim, in input order.

    A distortion's words are the rewrite's own; a party's assertion is made
    wherever a claim aligned with it (verbatim or paraphrase) stands.
    """
    if appears_in is None:
        return []
    ids = {appears_in.id}
    if finding.kind == "party_contradiction" and claim is not None:
        by_id = {c.id: c for c in report.claims}
        for a in report.alignments:
            if a.level != "claim" or claim.id not in a.claim_ids or a.relation not in ("verbatim", "paraphrase"):
                continue
            for other in a.claim_ids:
                if other in by_id and by_id[other].stance == claim.stance:
                    ids.add(by_id[other].article_id)
    return [a for a in articles.values() if a.id in ids]


def _first_appearance(where: list[Article]) -> Optional[Article]:
    """The earliest published; undated, the wire source among them, else the first given."""
    if not where:
        return None
    dated = [(sort_key(w), i) for i, a in enumerate(where) if (w := parse_date(a.published))]
    if dated:
        return where[min(dated)[1]]
    return next((a for a in where if a.role == "source"), where[0])


def _author(finding: Finding, claim: Optional[Claim], parties: dict[str, Party],
            article: Optional[Article]) -> Optional[dict[str, str]]:
    """Who makes the claim: the speaker for a contradiction, the publisher for a distortion."""
    if finding.kind == "party_contradiction" or (article is None or article.role != "rewrite"):
        if claim and claim.speaker:
            party = parties.get(claim.speaker.party_id or "")
            if party is not None:
                kind = "Person" if party.kind == "person" else "Organization"
                return {"@type": kind, "name": party.name}
            kind = "Person" if claim.speaker.kind == "person" else "Organization"
            name = claim.speaker.name or claim.speaker.text
            if name and norm(name) not in party_tables().pronouns:  # "he" names nobody
                return {"@type": kind, "name": name}
        names = [parties[p].name for p in finding.party_ids if p in parties]
        if names:
            return {"@type": "Organization", "name": names[0]}
    if article is not None:
        if article.outlet:
            return {"@type": "Organization", "name": article.outlet}
        if article.byline:
            return {"@type": "Person", "name": article.byline}
    return None  # nobody named: the fact-checker fills it in


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
