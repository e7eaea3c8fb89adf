"""Signs that an article is agency (wire) copy or an outlet's original: credit lines, datelines, agency names."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimrec.ingest.outlets import own_dateline
from claimrec.ingest.patterns import patterns
from claimrec.models import Article

# Weights: a credit line or an agency dateline is the agency's own house
# style; "told Reuters" could have been copied along by a rewrite.
CREDIT_LINE = 3
DATELINE = 3
AGENCY_BYLINE = 3
AGENCY_CREDIT = 2
SYNDICATION = 2
FIRST_HAND = 2
_QUOTE_CHARS = 40


@dataclass
class WireEvidence:
    score: int = 0
    reasons: list[str] = field(default_factory=list)

    def add(self, weight: int, reason: str) -> None:
        self.score += weight
        self.reasons.append(reason)

    def describe(self) -> str:
        if len(self.reasons) <= 1:
            return "".join(self.reasons)
        return ", ".join(self.reasons[:-1]) + " and " + self.reasons[-1]


def wire_evidence(article: Article) -> WireEvidence:
    p = patterns()
    found = WireEvidence()
    credit_by = next((c for c in article.credits if p.credit_by.match(c)), None)
    if credit_by:
        found.add(CREDIT_LINE, f"credit line '{_short(credit_by)}'")
    syndicated = next((c for c in article.credits if p.syndication.search(c)), None)
    if syndicated:
        found.add(SYNDICATION, f"syndication line '{_short(syndicated)}'")
    named = set()
    for credit in article.credits:
        m = p.agency_name.search(credit)
        if m and p.agency_for(m["agency"]) not in named:
            named.add(p.agency_for(m["agency"]))
            found.add(AGENCY_CREDIT, f"agency name '{p.agency_for(m['agency'])}' in its credits")
    for label, value in (("outlet", article.outlet), ("byline", article.byline)):
        m = p.agency_name.search(value or "")
        if m:
            found.add(AGENCY_BYLINE, f"{label} '{value}' names the agency '{p.agency_for(m['agency'])}'")
    m = p.agency_dateline.search(article.text)
    own = own_dateline(article.text)
    if m:
        found.add(DATELINE, f"agency dateline '{m.group(0).strip()}'")
    elif own:
        # an outlet's own dateline opens an original report, not a copy
        found.add(DATELINE, f"its own dateline '{' '.join(own.group(0).split())}'")
    m = p.agency_first_hand.search(article.text)
    if m and p.agency_for(m["agency"]) not in named:
        found.add(FIRST_HAND, f"agency name '{p.agency_for(m['agency'])}' ('{m.group(0).strip()}')")
    return found


def _short(text: str) -> str:
    if len(text) <= _QUOTE_CHARS:
        return text
    cut = text.rfind(" ", 0, _QUOTE_CHARS)
    return text[: cut if cut > 0 else _QUOTE_CHARS].rstrip(" ;,") + " …"
