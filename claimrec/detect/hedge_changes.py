"""hedge_dropped / hedge_added between aligned rewrite and source sentences.

A hedge is dropped when the source hedges some words ("in what it called a
joint statement"), the rewrite sentence derived from it keeps those words
(most of their content lemmas) and nothing in the rewrite sentence hedges or
attributes them any more. The reverse, with the hedged words present unhedged
somewhere in the source, is a hedge added. A claim whose content the rewrite
states with no speaker and no reporting verb at all is a dropped attribution,
reported as ``hedge_dropped`` too.
"""

from __future__ import annotations

from typing import Optional

from claimrec.detect.context import ArticlePair, DetectContext, Sentence, reports_speech
from claimrec.detect.draft import Draft, Given
from claimrec.detect.severity import rate
from claimrec.detect.wording import q
from claimrec.text.cues import is_reporting
from claimrec.text.keys import keys_of

# share of the hedged content words a rewrite must keep for the hedge to count as dropped
KEEP = 0.6
# attribution dropped: the rewrite must carry this much of the claim's content
CLAIM_KEEP = 0.75


def _coverage(keys: set[str], sent: Sentence) -> float:
    return len(keys & sent.surface) / len(keys) if keys else 0.0


def _widen(sent: Sentence, first: int, last: int):
    """A phrase a reader recognises: with its determiner, governing preposition and
    a short with/of complement ("In a joint statement with Facebook")."""
    doc = sent.tokens.doc
    lo, hi = sent.tokens[0].i, sent.tokens[-1].i
    while first > lo and doc[first - 1].pos_ in ("DET", "ADJ", "NUM") and doc[first - 1].text not in (",",):
        first -= 1
    if first > lo and doc[first - 1].pos_ == "ADP":
        first -= 1
    if last < hi and doc[last + 1].lower_ in ("with", "of"):
        pobj = next((c for c in doc[last + 1].children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.i <= hi and pobj.i - last <= 5:
            last = pobj.i
    return doc[first:last + 1]


def _locate(keys: set[str], sent: Sentence):
    """The shortest run of ``sent``'s tokens holding the hedged words, or None."""
    hits = [t for t in sent.tokens if (t.lemma_ and keys_of([t]) & keys)]
    if not hits:
        return None
    first, last = hits[0].i, hits[-1].i
    if last - first + 1 > len(keys) + 4:
        return None
    return _widen(sent, first, last)


def _attributed(keys: set[str], sent: Sentence) -> bool:
    """Some reporting verb in ``sent`` governs the words ``keys`` ("police said the driver ...")."""
    return any(is_reporting(tok) and keys_of(tok.subtree) & keys for tok in sent.tokens)


def _still_hedged(keys: set[str], r: Sentence, s: Sentence, kind: str, dropped=None,
                  copied: Optional[dict] = None) -> bool:
    """Something in ``r`` still hedges the words ``keys``. ``copied``: rewrite token -> the
    source token it copies; ``dropped``: the source hedge being tested (a copy of another
    hedge in the same words, "appears to" said twice, still hedges them)."""
    sdoc = s.tokens.doc
    said = sdoc[dropped.start:dropped.end].text.lower() if dropped is not None else None
    others = {j for h in s.hedges if h is not dropped and sdoc[h.start:h.end].text.lower() != said
              for j in range(h.start, h.end)}
    copied = copied or {}
    for h in r.hedges:
        if any(copied.get(i) in others for i in range(h.start, h.end)):
            continue  # a copy of another hedge the source had beside this one: it hedged both
            # ("appears to be helping, according to a survey" -> "is helping, according to ...")
        if h.target_keys(r.tokens.doc) & keys:
            return True
    # "what officials called X" -> "officials call it X": the attribution took the hedge's place,
    # unless the source had that attribution on top of the hedge already
    return kind != "uncertainty" and _attributed(keys, r) and not _attributed(keys, s)


def detect_hedge_changes(ctx: DetectContext, pair: ArticlePair, given: Given) -> list[Draft]:
    return _dropped(pair, given) + _added(pair) + _attribution_dropped(pair, given)


def _dropped(pair: ArticlePair, given: Given) -> list[Draft]:
    out = []
    seen: set[int] = set()
    for al in pair.aligned:
        for s in al.sources:
            if s.start in seen:
                continue
            seen.add(s.start)
            rewrites = pair.rewrites_of.get(s.start, [])
            sdoc = s.tokens.doc
            for h in s.hedges:
                keys = h.target_keys(sdoc)
                if not keys:
                    continue
                best, best_cov = None, 0.0
                for r in rewrites:
                    cov = _coverage(keys, r)
                    if cov > best_cov:
                        best, best_cov = r, cov
                aligned = pair.aligned_of(best) if best is not None else None
                copied = aligned.words.matched if aligned is not None else {}
                if best is None or best_cov < KEEP or _still_hedged(keys, best, s, h.kind, h, copied):
                    continue
                if aligned is not None and aligned.kept(h.start, h.end):
                    continue  # the rewrite sentence copied the hedge's own words
                hedge_text = sdoc[h.start:h.end].text
                source_phrase = _widen(s, min(h.start, h.target_start), max(h.end, h.target_end) - 1)
                found = _locate(keys, best)
                rspan = pair.rewrite.tok_span(found) if found is not None else best.span()
                severity, conf = rate("hedge_dropped", coverage=best_cov,
                                      similarity=_similarity(pair, best), contested=given.contested.covers(keys))
                target_text = sdoc[h.target_start:h.target_end].text
                out.append(Draft(
                    "hedge_dropped", severity, conf,
                    f"Hedge dropped: source says {q(source_phrase.text)}; the rewrite states "
                    f"{q(rspan.text)} without {q(hedge_text)}",
                    [rspan, pair.source.tok_span(source_phrase), best.span(), s.span()],
                    key=("hedge", pair.rewrite.article.id, s.article_id, h.start, target_text),
                ))
    return out


def _added(pair: ArticlePair) -> list[Draft]:
    out = []
    for al in pair.aligned:
        r = al.rewrite
        rdoc = r.tokens.doc
        for h in r.hedges:
            keys = h.target_keys(rdoc)
            if not keys or not al.words.touches_rewrite(h.start, h.end):
                continue  # a hedge the rewrite copied is no hedge it added
            if any(hs.target_keys(s.tokens.doc) & keys for s in al.sources for hs in s.hedges):
                continue
            # where the source states these words: aligned sentences first, then anywhere
            best, best_cov = None, 0.0
            for s in list(al.sources) + pair.source.sentences:
                cov = _coverage(keys, s)
                if cov > best_cov + 1e-9:
                    best, best_cov = s, cov
            if best is None or best_cov < 1.0 or any(hs.target_keys(best.tokens.doc) & keys for hs in best.hedges):
                continue
            phrase = rdoc[min(h.start, h.target_start):max(h.end, h.target_end)]
            found = _locate(keys, best)
            sspan = pair.source.tok_span(found) if found is not None else best.span()
            severity, conf = rate("hedge_added", coverage=best_cov, similarity=al.similarity)
            out.append(Draft(
                "hedge_added", severity, conf,
                f"Hedge added: the rewrite says {q(phrase.text)} where the source states {q(sspan.text)}",
                [pair.rewrite.tok_span(phrase), sspan, r.span(), best.span()],
            ))
    return out


def _attribution_dropped(pair: ArticlePair, given: Given) -> list[Draft]:
    """A source claim whose content the rewrite states as plain fact."""
    out = []
    for claim in pair.source.claims:
        if claim.speaker is None or claim.embedded_in:
            continue
        if not reports_speech(claim):
            continue  # a plan or belief restated as a plan is not an attribution dropped
        sents = pair.source.sentence_at(claim.content.start, claim.content.end)
        if not sents:
            continue
        doc = sents[0].tokens.doc
        content = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
        keys = keys_of(content) if content is not None else set()
        if len(keys) < 3:
            continue
        if claim.speaker.span is not None and pair.source_kept(*pair.tokens_of(pair.source, claim.speaker.span)):
            continue  # the speaker is still named, word for word: the attribution was not dropped
        for s in sents:
            for r in pair.rewrites_of.get(s.start, []):
                cov = _coverage(keys, r)
                if cov < CLAIM_KEEP or r.claims or any(is_reporting(t) for t in r.tokens):
                    continue
                if any(h.kind == "sourcing" for h in r.hedges):
                    continue
                severity, conf = rate("hedge_dropped", coverage=cov, similarity=_similarity(pair, r),
                                      contested=claim.id in given.contested.claim_ids, attribution=True)
                speaker = claim.speaker.name or claim.speaker.text
                out.append(Draft(
                    "hedge_dropped", severity, conf,
                    f"Attribution dropped: source gives {q(claim.content.text, 60)} as {speaker}'s claim; "
                    f"the rewrite states it as fact: {q(r.text, 60)}",
                    [r.span(), claim.content, s.span()],
                    party_ids=[p for p in [claim.speaker.party_id] if p], claim_ids=[claim.id],
                ))
                break
    return out


def _similarity(pair: ArticlePair, r: Sentence) -> float:
    al = pair.aligned_of(r)
    return al.similarity if al is not None else 0.0
