"""Stance, negation, hedges and medium of one claim.

- ``negated``: the content's main predicate is negated ("we did not issue"; the test
  is :func:`claimrec.text.negation.clause_negated`).
- stance ``deny``: a denial cue ("denied", "rejected"), or asserting a negated
  content ("X said the process 'is not an exclusive ...'"); two negations
  cancel ("denied that it had not paid"), and a negated denial cue ("did not
  deny") is not a denial.
- hedges: distancing and evidential words around the claim ("what it called",
  "so-called", "alleged", "reportedly") and modal verbs inside the content.
- medium: how it was said ("in an email to the AP", "on his Facebook page",
  "told reporters"), found in the claim's frame, never in its content.
"""

from __future__ import annotations

from typing import Optional

from claimrec.claims.candidate import Candidate
from claimrec.text.document import AnnotatedDoc
from claimrec.text.lookups import CueTables

_TWEET_CUES = frozenset({"tweet"})


def content_head(index: AnnotatedDoc, cand: Candidate):
    """The token that carries the content's polarity."""
    doc = index.doc
    if cand.content_head is not None:
        return doc[cand.content_head]
    first = _first_token_at(index, cand.start)
    if first is None:
        return None
    # the first token whose head lies outside the content
    i = first
    while i < len(doc) and doc[i].idx < cand.end:
        tok = doc[i]
        if tok.head is tok or not (cand.start <= tok.head.idx < cand.end):
            if tok.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
                return tok
        i += 1
    return doc[first]


def _first_token_at(index: AnnotatedDoc, char: int) -> Optional[int]:
    doc = index.doc
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx + len(doc[mid].text) <= char:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(doc) else None


def stance_of(cand: Candidate, negated: bool) -> str:
    deny = cand.cue_cls == "denial"
    if deny and cand.cue_negated:
        deny = False
    if negated:
        deny = not deny
    return "deny" if deny else "assert"


def find_hedges(index: AnnotatedDoc, cand: Candidate, region: tuple[int, int],
                lex: CueTables) -> list[tuple[str, str, int, int]]:
    """(text, kind, start, end) of each hedge in ``region`` and of modals in the content."""
    text = index.text
    lo, hi = region
    doc = index.doc
    found: list[tuple[str, str, int, int]] = []
    cue = cand.cue_span
    for h in index.hedges:
        s = doc[h.start].idx
        e = doc[h.end - 1].idx + len(doc[h.end - 1].text)
        if s < lo or e > hi:
            continue
        if cue and cue[0] <= s and e <= cue[1]:
            continue  # the cue itself ("alleged that") is not a hedge on its claim
        found.append((text[s:e], h.kind, s, e))
    i = _first_token_at(index, cand.start)
    if i is not None:
        while i < len(doc) and doc[i].idx < cand.end:
            tok = doc[i]
            if tok.tag_ == "MD":
                kind = lex.modals.get(tok.lower_)
                if kind:
                    found.append((tok.text, kind, tok.idx, tok.idx + len(tok.text)))
            i += 1
    found.sort(key=lambda h: h[2])
    return found


def find_medium(index: AnnotatedDoc, cand: Candidate, region: tuple[int, int], lex: CueTables) -> Optional[str]:
    text = index.text
    lo, hi = region
    pieces = [(lo, min(hi, cand.start)), (max(lo, cand.end), hi)]
    best: Optional[tuple[int, str]] = None
    anchor = cand.cue_span[0] if cand.cue_span else cand.start
    for _kind, regex in lex.media:
        for a, b in pieces:
            if b <= a:
                continue
            for m in regex.finditer(text, a, b):
                dist = abs(m.start() - anchor)
                if best is None or dist < best[0]:
                    best = (dist, m.group().strip())
    if best is not None:
        return best[1]
    if cand.cue_lemma in _TWEET_CUES:
        return "Twitter"
    return None
