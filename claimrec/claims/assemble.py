"""Candidates -> ``Claim`` models: text order, stable ids, spans, stance and hedges."""

from __future__ import annotations

from bisect import bisect_right

from claimrec.claims.candidate import Candidate
from claimrec.claims.kinds import claim_kind
from claimrec.claims.stance import content_head, find_hedges, find_medium, stance_of
from claimrec.models import Article, Claim, Cue, Hedge, Speaker, make_span
from claimrec.text.document import AnnotatedDoc
from claimrec.text.lookups import CueTables
from claimrec.text.negation import clause_negated


def _sentence_range(index: AnnotatedDoc, sent_starts: list[int], lo: int, hi: int) -> tuple[int, int]:
    """Character range of the sentences covering ``[lo, hi)``."""
    doc = index.doc
    first = max(0, bisect_right(sent_starts, lo) - 1)
    last = max(first, bisect_right(sent_starts, max(lo, hi - 1)) - 1)
    a = index.sent_bounds[first][0]
    b = index.sent_bounds[last][1] - 1
    start = doc[a].idx
    end = doc[b].idx + len(doc[b].text)
    text = index.text
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return min(start, lo), max(end, hi)


def build_claims(article: Article, index: AnnotatedDoc, cands: list[Candidate], lex: CueTables) -> list[Claim]:
    body = article.text
    aid = article.id
    doc = index.doc
    sent_starts = [doc[a].idx for a, _ in index.sent_bounds]
    ordered = sorted(cands, key=lambda c: (c.frame_start(), c.start, c.end))
    ids = {id(c): f"{aid}:c{n}" for n, c in enumerate(ordered, start=1)}
    claims: list[Claim] = []
    for cand in ordered:
        lo = cand.frame_start()
        hi = max(cand.end, cand.cue_span[1] if cand.cue_span else 0,
                 cand.speaker.end if cand.speaker else 0)
        s_lo, s_hi = _sentence_range(index, sent_starts, lo, hi)
        head = content_head(index, cand)
        negated = clause_negated(head)
        hedges = [
            Hedge(text=t, kind=k, span=make_span(aid, body, s, e))
            for t, k, s, e in find_hedges(index, cand, (s_lo, s_hi), lex)
        ]
        speaker = None
        if cand.speaker is not None:
            sp = cand.speaker
            speaker = Speaker(
                text=sp.text, name=sp.name, title=sp.title, affiliation=sp.affiliation, kind=sp.kind,
                resolved_from=sp.resolved_from, span=make_span(aid, body, sp.start, sp.end),
            )
        cue = None
        if cand.cue_span is not None:
            cue = Cue(text=cand.cue_text or body[cand.cue_span[0]:cand.cue_span[1]],
                      lemma=cand.cue_lemma or "", cls=cand.cue_cls,
                      span=make_span(aid, body, *cand.cue_span))
        claims.append(Claim(
            id=ids[id(cand)],
            article_id=aid,
            speaker=speaker,
            cue=cue,
            content=make_span(aid, body, cand.start, cand.end),
            quote=cand.quote,
            kind=claim_kind(cand, lex),
            stance=stance_of(cand, negated),
            negated=negated,
            hedges=hedges,
            medium=find_medium(index, cand, (s_lo, s_hi), lex),
            sentence=make_span(aid, body, s_lo, s_hi),
            embedded_in=ids.get(id(cand.parent)) if cand.parent is not None else None,
            confidence=max(0.0, min(1.0, round(cand.confidence, 3))),
        ))
    return claims
