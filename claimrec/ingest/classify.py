"""What one line of an article is: furniture, a credit, a byline, a date, a headline."""

from __future__ import annotations

import re
from typing import Optional

from claimrec.ingest.dates import find_date
from claimrec.ingest.lines import ends_sentence, has_letters, unbracket
from claimrec.ingest.patterns import patterns

# Headlines are short, carry no final full stop and hold one sentence at most.
HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_WORDS_QUESTION = 15
HEADLINE_MAX_CHARS = 220
TITLE_CASE_SHARE = 0.6
# A line holding a date and little else (a few words of time and zone).
DATE_LINE_MAX_WORDS = 8
_TRAILING_SEPARATOR = re.compile(r"\s*[|–—-]+\s*$")
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?][\"'”’]?\s+[\"“‘]?[A-Z]")
_DATELINE_OPENER = re.compile(r"\)\s*[-–—]\s")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
# "September 9, 2014, 10:42 a.m." ends in a full stop but is no sentence
_CLOCK_END = re.compile(r"\d\s*[ap]\.m\.$", re.IGNORECASE)
# a section heading in capitals is furniture inside the body, but the same shape is a headline on top
HEADING_KIND = "heading"


def paywall_marker(line: str) -> bool:
    p = patterns()
    text = line.strip()
    if not text or len(text.split()) > p.paywall_marker_max_words:
        return False
    return any(rx.fullmatch(text) for rx in p.paywall_markers)


def paywall_furniture(line: str) -> bool:
    """Could this line belong to a subscription offer (plans, prices, perks)?"""
    p = patterns()
    text = line.strip()
    if not text or not has_letters(text):
        return True
    if paywall_marker(text) or any(rx.fullmatch(text) for rx in p.paywall_block_lines):
        return True
    if furniture_kind(text) or credit_text(text):
        return True
    words = len(text.split())
    return words <= 5 or (words <= p.paywall_block_short_words and not ends_sentence(text))


def furniture_kind(line: str) -> Optional[str]:
    p = patterns()
    text = line.strip()
    if not text or len(text.split()) > p.furniture_max_words:
        return None
    for kind, rx in p.furniture:
        if rx.fullmatch(text):
            return kind
    return None


def credit_text(line: str) -> Optional[str]:
    """The credit a line carries (outer brackets dropped), or None for body text."""
    p = patterns()
    text = line.strip()
    inner = unbracket(text)
    bracketed = inner != text
    if not inner or (not bracketed and len(inner.split()) > p.credit_unbracketed_max_words):
        return None
    if any(rx.fullmatch(inner) for rx in p.credit_lines):
        return inner
    return None


def inline_credit(line: str) -> Optional[re.Match[str]]:
    """A bracketed credit closing a body line: "... Myanmar. (Reporting by X)"."""
    m = patterns().inline_credit.search(line)
    if m and line[: m.start()].strip():
        return m
    return None


def byline_of(line: str) -> Optional[str]:
    p = patterns()
    text = line.strip()
    if len(text.split()) > p.byline_max_words or ends_sentence(text):
        return None
    m = p.byline.fullmatch(text)
    if not m:
        return None
    if m["follow"]:  # a "(Follow)" button next to the name is no part of it
        text = text[: m.start("follow")] + text[m.end("follow"):]
    return text[2:].strip()  # everything after "By": names, and a role or outlet if given


def date_line(line: str, *, bare: bool) -> Optional[str]:
    """The ISO date of a dateline-only line ("Published: 23 Nov 2021 ..."), or None."""
    text = line.strip()
    words = len(text.split())
    if (ends_sentence(text) and not _CLOCK_END.search(text)) or words > DATE_LINE_MAX_WORDS + 4:
        return None  # "Published on May 2, the report found ...": a sentence
    m = patterns().date_prefix.fullmatch(text)
    if m:
        return find_date(m["date"])
    if bare and words <= DATE_LINE_MAX_WORDS:
        return find_date(text)
    return None


def _title_case(text: str) -> bool:
    long_words = [w for w in text.split() if len(w) >= 4 and w[0].isalpha()]
    capitalised = [w for w in long_words if w[0].isupper()]
    return len(long_words) >= 2 and len(capitalised) >= TITLE_CASE_SHARE * len(long_words)


def headline_of(line: str, *, markdown: bool = False, alone: bool = False) -> Optional[str]:
    """The headline a first line states, or None when it reads like body text.

    ``alone``: the line is a paragraph of its own (a blank line follows); then a
    Title Case line may end in a full stop, as some archives write headlines.
    """
    text = line.strip()
    if markdown and _MD_HEADING.match(text):
        return _MD_HEADING.sub("", text).strip() or None
    text = _TRAILING_SEPARATOR.sub("", text)
    words = len(text.split())
    if not 2 <= words <= HEADLINE_MAX_WORDS or len(text) > HEADLINE_MAX_CHARS:
        return None
    if ends_sentence(text) and not (alone and _title_case(text)):
        if not text.rstrip("\"'”’").endswith(("?", "!")) or words > HEADLINE_MAX_WORDS_QUESTION:
            return None
    if text.endswith((",", ";", ":")) or _SENTENCE_INSIDE.search(text) or _DATELINE_OPENER.search(text):
        return None
    if byline_of(text) or furniture_kind(text) not in (None, HEADING_KIND) or credit_text(text) \
            or paywall_marker(text):
        return None
    if date_line(text, bare=True):
        return None
    return text
