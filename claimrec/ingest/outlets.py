"""Whose report an article is, and whose reports it cites.

An outlet's own dateline ("(CNN) —", "NEW YORK (AP) —") opens its original
report. Another article that writes "CNN reported Tuesday" or "according to
CNN" took its facts from that report. Outlets are compared by a folded key
("The Associated Press" ~ "associated press", "cnn.com" ~ "CNN"), so the
outlet field, a URL and the text can name the same one. Patterns live in
data/lexicons/boilerplate.json (``outlet_signals``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional
from urllib.parse import urlsplit

from claimrec.ingest.patterns import patterns
from claimrec.models import Article

_TLD = re.compile(r"\.(?:com|co\.uk|co|org|net|news|info|us|uk|ca|au|in|de|fr)$")
_NOT_ALNUM = re.compile(r"[\W_]+")
# Outlet keys this short are abbreviations only when they are the whole name ("AP")
_MIN_KEY = 2


@dataclass(frozen=True)
class Citation:
    """One place where an article credits another outlet with what it reports."""

    outlet: str  # as the text spells it
    key: str
    quote: str  # the citing words, e.g. "according to CNN"


def outlet_key(name: str) -> str:
    """A folded name: case, "the", "www." and a domain ending do not matter."""
    text = name.strip().casefold()
    if text.startswith("the "):
        text = text[4:]
    if text.startswith("www."):
        text = text[4:]
    text = _TLD.sub("", text)
    return _NOT_ALNUM.sub("", text)


def own_dateline(text: str) -> Optional[re.Match[str]]:
    """The dateline that opens the story, looked for in its first few paragraphs."""
    p = patterns()
    seen = 0
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            m = p.outlet_dateline.match(line)
            if m:
                return p.outlet_dateline.match(text, pos)
            seen += 1
            if seen >= p.outlet_dateline_lines:
                break
        pos += len(line) + 1
    return None


def outlet_names(article: Article) -> list[str]:
    """The names the article's own outlet goes by: dateline, outlet field, URL host, agency aliases."""
    p = patterns()
    names: list[str] = []

    def add(name: Optional[str]) -> None:
        if name and len(outlet_key(name)) >= _MIN_KEY and name not in names:
            names.append(name)
            agency = p.agency_for(name)
            for known in p.agencies:
                if known.name == agency:
                    for alias in known.aliases:
                        if alias not in names:
                            names.append(alias)

    m = own_dateline(article.text)
    if m:
        add(m["outlet"])
    add(article.outlet)
    if article.url:
        add(_site_name(urlsplit(article.url).hostname or ""))
    for credit in article.credits:
        found = p.agency_name.search(credit)
        if found:
            add(found["agency"])
    return names


def _site_name(host: str) -> Optional[str]:
    """ "edition.cnn.com" -> "cnn", "www.bbc.co.uk" -> "bbc"."""
    parts = [p for p in host.lower().split(".") if p]
    if len(parts) < 2:
        return None
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in ("co", "com", "org", "net", "ac"):
        return parts[-3]
    return parts[-2]


def find_citations(text: str, names: Iterable[str]) -> list[Citation]:
    """Where ``text`` credits one of the outlets ``names`` with a report."""
    forms = sorted({n for n in names if outlet_key(n)}, key=len, reverse=True)
    if not forms:
        return []
    alternation = "|".join(re.escape(n) for n in forms)
    found: list[Citation] = []
    seen: set[tuple[int, int]] = set()
    for template in patterns().citation_templates:
        rx = re.compile(template.replace("{outlet}", alternation), re.IGNORECASE)
        for m in rx.finditer(text):
            where = m.span("outlet")
            if where in seen or not m["outlet"][:1].isupper():
                continue  # "times" in a sentence is not The Times
            seen.add(where)
            found.append(Citation(outlet=m["outlet"], key=outlet_key(m["outlet"]),
                                  quote=" ".join(m.group(0).split())))
    found.sort(key=lambda c: text.find(c.quote))
    return found
