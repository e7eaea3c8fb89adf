"""Character ranges of parse pieces, and the clean-up every content span gets.

Content conventions (those of news attribution corpora such as PolNeAR):
a direct quote keeps its quotation marks and whatever punctuation sits inside
them; an indirect content keeps its complementiser ("that ...") but not the
sentence's closing full stop or the commas that set it off.
"""

from __future__ import annotations

from typing import Optional

from claimrec.text.document import AnnotatedDoc

_LEAD_STRIP = " \t\r\n,;:—–-―"
_TRAIL_STRIP = " \t\r\n,;:—–-―."
_CLOSING = "\"”’'»›"
# a clause cut short by the parse leaves its conjunction dangling: "... released but"
_DANGLING = ("but", "and", "or", "nor", "so", "yet", "because", "while", "although", "as", "that")


def tok_chars(doc, a: int, b: int) -> tuple[int, int]:
    """Characters covered by tokens ``a..b`` (inclusive)."""
    return doc[a].idx, doc[b].idx + len(doc[b].text)


def clean_content(index: AnnotatedDoc, start: int, end: int,
                  protect: Optional[tuple[int, int]] = None,
                  anchor: Optional[int] = None) -> Optional[tuple[int, int]]:
    """Trim a content range and widen it over any quote it cuts into.

    ``protect`` is a char range (the cue and speaker) a widening quote must not
    swallow: a quote that would is left out rather than merged. With an
    ``anchor`` (the cue's offset) the range is first cut to the anchor's
    paragraph: parses run over line breaks, claims only do inside quotes.
    """
    text = index.text
    if anchor is not None:
        p = index.para_of(anchor)
        p_start = index.para_starts[p] if p >= 0 else 0
        p_end = index.para_starts[p + 1] if p + 1 < len(index.para_starts) else len(text)
        start, end = max(start, p_start), min(end, p_end)
    if start >= end:
        return None
    for _ in range(2):  # widening can expose new boundary punctuation
        while start < end and text[start] in _LEAD_STRIP:
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        q = index.quote_at(start)
        if q >= 0:
            quote = index.quotes[q]
            if quote.start < start and not _hits(quote.start, quote.end, protect):
                start = quote.start
        q = index.quote_at(end - 1) if end > start else -1
        if q >= 0:
            quote = index.quotes[q]
            if quote.end > end and not _hits(quote.start, quote.end, protect):
                end = quote.end
        # a closing mark just after the content belongs to it
        if end < len(text) and text[end] in _CLOSING and index.quote_at(end) >= 0 \
                and index.quotes[index.quote_at(end)].end == end + 1 \
                and index.quotes[index.quote_at(end)].start >= start:
            end += 1
        if end > start and text[end - 1] not in _CLOSING:
            while end > start and text[end - 1] in _TRAIL_STRIP:
                end -= 1
            cut = text.rfind(" ", start, end)
            if cut > start and text[cut + 1:end].lower() in _DANGLING and not _adverb(index, cut + 1, end):
                end = cut
                while end > start and text[end - 1] in _TRAIL_STRIP:
                    end -= 1
    if end - start < 2:
        return None
    return start, end


def _adverb(index: AnnotatedDoc, start: int, end: int) -> bool:
    """The word at ``start:end`` is an adverb ("its biggest yet", "and so"), not a conjunction left hanging."""
    span = index.doc.char_span(start, end)
    return span is not None and len(span) == 1 and span[0].dep_ == "advmod"


def _hits(start: int, end: int, protect: Optional[tuple[int, int]]) -> bool:
    return protect is not None and start < protect[1] and protect[0] < end


def quote_coverage(index: AnnotatedDoc, start: int, end: int) -> tuple[int, list[int]]:
    """Characters of ``[start, end)`` inside top-level quotes, and which quotes."""
    covered = 0
    ids: list[int] = []
    k = index.quote_at(start)
    if k < 0:
        # ``start`` lies outside every quote: the first quote that can overlap opens after it
        from bisect import bisect_left

        k = bisect_left(index.quote_starts, start)
    while 0 <= k < len(index.quotes) and index.quotes[k].start < end:
        q = index.quotes[k]
        lo, hi = max(q.start, start), min(q.end, end)
        if hi > lo:
            covered += hi - lo
            ids.append(k)
        k += 1
    return covered, ids


def quote_type(index: AnnotatedDoc, start: int, end: int) -> str:
    """direct when (nearly) all quoted, mixed when partly, else indirect."""
    covered, ids = quote_coverage(index, start, end)
    if not ids:
        return "indirect"
    span = max(1, end - start)
    if covered >= 0.9 * span:
        return "direct"
    # a scare-quoted word or two inside an indirect claim is still indirect
    quoted_words = sum(
        len(index.text[max(index.quotes[k].start, start):min(index.quotes[k].end, end)].split())
        for k in ids
    )
    if quoted_words >= 3 or covered >= 0.3 * span:
        return "mixed"
    return "indirect"
