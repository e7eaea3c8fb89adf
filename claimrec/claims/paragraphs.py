"""One claim per paragraph: a quote running over several paragraphs is several claims.

Newspapers continue a quote into the next paragraph by leaving the closing mark off
and reopening the next paragraph with a mark ("...worse.¶"Also, ...," she said.), and
name the speaker once, in one of the paragraphs. Readers, alignment and attribution
corpora (PolNeAR, the quote gold set) take each paragraph as its own statement; a claim
spanning paragraphs is cut into one claim per paragraph, each carrying the speaker and
cue of the paragraph that names them.
"""

from __future__ import annotations

from copy import copy

from claimrec.claims.candidate import Candidate
from claimrec.claims.spans import quote_type
from claimrec.text.document import AnnotatedDoc

_EDGE = " \t\r\n"
_HEADING_WORDS = 8


def _pieces(index: AnnotatedDoc, start: int, end: int) -> list[tuple[int, int]]:
    text = index.text
    out = []
    p, last = index.para_of(start), index.para_of(max(start, end - 1))
    for k in range(p, last + 1):
        a = max(start, index.para_starts[k])
        b = min(end, index.para_starts[k + 1] if k + 1 < len(index.para_starts) else len(text))
        while a < b and text[a] in _EDGE:
            a += 1
        while b > a and text[b - 1] in _EDGE:
            b -= 1
        if any(ch.isalnum() for ch in text[a:b]) and not (out and heading(text[a:b])):
            out.append((a, b))
    return out


def heading(piece: str) -> bool:
    """A section heading the quote ran into ("'All Bets Are Off.'"): a short line of
    capitalised words, no clause punctuation."""
    inner = piece.strip("\"“”'‘’«» .!?")
    words = inner.split()
    if not 0 < len(words) <= _HEADING_WORDS or any(ch in inner for ch in ",;:"):
        return False
    long_words = [w for w in words if len(w) > 3]
    return len([w for w in words if w[:1].isupper()]) >= 2 and all(w[:1].isupper() for w in long_words)


def split_paragraphs(index: AnnotatedDoc, cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in cands:
        if index.para_of(c.start) == index.para_of(max(c.start, c.end - 1)):
            out.append(c)
            continue
        pieces = _pieces(index, c.start, c.end)
        if len(pieces) <= 1:
            if pieces:
                c.content = pieces[0]
            out.append(c)
            continue
        # the first piece stays the original object: embedded claims point at it
        rest = []
        for a, b in pieces[1:]:
            piece = copy(c)
            piece.content = (a, b)
            piece.speaker = copy(c.speaker) if c.speaker is not None else None
            piece.extra_tokens = []
            rest.append(piece)
        c.content = pieces[0]
        for piece in [c, *rest]:
            a, b = piece.content
            if piece.content_head is not None and not a <= index.doc[piece.content_head].idx < b:
                piece.content_head = None
            piece.quote = quote_type(index, a, b)
        out.extend([c, *rest])
    return out
