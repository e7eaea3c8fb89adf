"""omission: a source claim with no counterpart in the rewrite.

A source claim has a counterpart when a claim of the rewrite is aligned to it
or a rewrite sentence carries at least ``COVER`` of its content words with the
same polarity: a denial ("we did not issue a joint statement") is only kept by
a sentence that still denies or negates. Without extracted claims, source
sentences that report speech (a reporting verb or a quote) and that no rewrite
sentence was aligned to count as omitted, at low severity.
"""

from __future__ import annotations

from typing import Optional

from claimrec.detect.context import ArticlePair, DetectContext, Sentence
from claimrec.detect.draft import Draft, Given
from claimrec.detect.severity import rate
from claimrec.detect.wording import q
from claimrec.text.cues import is_denial, is_reporting
from claimrec.text.keys import is_content, keys_of
from claimrec.text.negation import is_negated, negation_tokens
from claimrec.text.normalize import words

COVER = 0.5
REWORDED = 0.25
MOVED = 0.8  # share of a claim's words a rewrite sentence elsewhere must carry to keep it
MIN_QUOTE_WORDS = 4


def _negative(sent: Sentence) -> bool:
    return any(is_denial(t) or (t.pos_ in ("VERB", "AUX") and is_negated(t)) for t in sent.tokens)


def _who(claim) -> str:
    sp = claim.speaker
    if sp is None:
        return "the source"
    if sp.name:
        return sp.name
    if sp.text.lower() in ("he", "she", "it", "they", "we", "i", "you"):
        return "a speaker"
    return sp.text


def _copied(pair: ArticlePair, toks, negative: bool) -> bool:
    """Most of a source claim's content words, and every word negating it, were copied."""
    content = [t.i for t in toks if is_content(t)]
    kept = sum(1 for i in content if i in pair.kept_source)
    if not content or kept / len(content) < COVER:
        return False
    return not negative or all(t.i in pair.kept_source for t in negation_tokens(toks))


def _negative_claim(claim) -> bool:
    return claim.stance == "deny" or claim.negated


def detect_omissions(ctx: DetectContext, pair: ArticlePair, given: Given) -> list[Draft]:
    if pair.source.claims:
        return _claims(ctx, pair, given) + _quotes(pair)
    return _sentences(pair) + _quotes(pair)


def _best_cover(pair: ArticlePair, keys: set[str]) -> tuple[Optional[Sentence], float]:
    best, best_cov = None, 0.0
    for r in pair.rewrite.sentences:
        cov = len(keys & r.surface) / len(keys)
        if cov > best_cov:
            best, best_cov = r, cov
    return best, best_cov


def _kept(pair: ArticlePair, claim, keys: set[str], negative: bool) -> bool:
    """A rewrite sentence aligned to the claim's sentence carries most of its words (a
    paraphrase; a polarity it lost is stance_flip's to tell), or some rewrite sentence
    carries nearly all of them with the same polarity (moved elsewhere)."""
    # a reworded sentence keeps a plain claim with a quarter of its words ("touted the move as
    # a compromise solution" -> "used ... as a compromise"); a quote or a denial needs half
    need = COVER if negative or claim.quote == "direct" else REWORDED
    for s in pair.source.sentence_at(claim.content.start, claim.content.end):
        for r in pair.rewrites_of.get(s.start, []):
            if len(keys & r.surface) / len(keys) >= need:
                return True
    for r in pair.rewrite.sentences:
        if len(keys & r.surface) / len(keys) >= MOVED and (not negative or _negative(r)):
            return True
    return False


def _quotes(pair: ArticlePair) -> list[Draft]:
    """Direct quotes in source sentences the rewrite has no counterpart of, whose words the
    rewrite does not carry: a quote silently dropped (also one part of a claim that quotes
    its speaker twice; merging joins it with the claim's own omission when both fire)."""
    out = []
    src = pair.source
    body = src.article.text
    for qt in src.adoc.quotes:
        toks = src.doc.char_span(qt.start, qt.end, alignment_mode="expand")
        if toks is None or len(words(body[qt.start:qt.end])) < MIN_QUOTE_WORDS:
            continue
        keys = keys_of(toks)
        # the word count above says whether it is worth reporting; one content word is
        # enough to tell whether the rewrite carries it ("I will tell the truth.")
        if not keys or _copied(pair, toks, False):
            continue
        sents = src.sentence_at(qt.start, qt.end)
        counterparts = [r for s in sents for r in pair.rewrites_of.get(s.start, [])]
        if any(len(keys & r.surface) / len(keys) >= REWORDED for r in counterparts):
            continue  # the sentence has a counterpart that carries the quote: reworded, not dropped
            # (a counterpart of the rest of the sentence does not keep a second quote in it:
            # '"No, this is not politics," Cruz said. "I will tell the truth."')
        best, best_cov = _best_cover(pair, keys)
        if best_cov >= MOVED:
            continue  # nearly all its words stand in one rewrite sentence: moved, not dropped
        severity, conf = rate("omission", coverage=best_cov, direct=True, claim_conf=0.7)
        evidence = [src.span(qt.start, qt.end)] + [s.span() for s in sents[:1]]
        if best is not None:
            evidence.append(best.span())
        out.append(Draft("omission", severity, conf,
                         f"Dropped in the rewrite: the quote {q(body[qt.start:qt.end], 80)}", evidence))
    return out


def _claims(ctx: DetectContext, pair: ArticlePair, given: Given) -> list[Draft]:
    out = []
    rewrite_ids = {c.id for c in pair.rewrite.claims}
    doc = pair.source.doc
    for claim in pair.source.claims:
        negative = claim.stance == "deny" or claim.negated
        aligned = [ctx.claim_by_id[i] for i in ctx.claim_links.get(claim.id, set()) & rewrite_ids]
        linked = ctx.counterparts(claim, aligned)
        if any(_negative_claim(c) == negative for c in linked):
            continue  # a counterpart with the same polarity
        toks = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
        keys = keys_of(toks) if toks is not None else set()
        if len(keys) < 2:
            continue
        if _copied(pair, toks, negative):
            continue  # its words, and its negation, are in the rewrite word for word
        best, best_cov = _best_cover(pair, keys)
        if _kept(pair, claim, keys, negative):
            continue
        contested = claim.id in given.contested.claim_ids
        # when the words survive but the denial does not, the denial is still what went missing
        severity, conf = rate("omission", coverage=best_cov * 0.5 if negative else best_cov, contested=contested,
                              direct=claim.quote == "direct", deny=negative, claim_conf=claim.confidence)
        who = _who(claim)
        verb = "denial" if negative else "claim"
        evidence = [claim.content, claim.sentence]
        if best is not None:
            evidence.append(best.span())
        out.append(Draft(
            "omission", severity, conf,
            f"Dropped in the rewrite: {who}'s {verb} {q(claim.content.text, 80)}" if who != "a speaker"
            else f"Dropped in the rewrite: a {verb} {q(claim.content.text, 80)}",
            evidence,
            party_ids=[p for p in [claim.speaker.party_id if claim.speaker else None] if p],
            claim_ids=[claim.id],
        ))
    return out


def _sentences(pair: ArticlePair) -> list[Draft]:
    out = []
    for s in pair.source.sentences:
        if pair.rewrites_of.get(s.start) or not any(is_reporting(t) for t in s.tokens):
            continue
        best, best_cov = None, 0.0
        for r in pair.rewrite.sentences:
            cov = len(s.keys & r.surface) / len(s.keys) if s.keys else 1.0
            if cov > best_cov:
                best, best_cov = r, cov
        if best_cov >= COVER:
            continue
        severity, conf = rate("omission", coverage=best_cov, deny=_negative(s))
        evidence = [s.span()] + ([best.span()] if best is not None else [])
        out.append(Draft("omission", severity, conf - 0.1,
                         f"Dropped in the rewrite: {q(s.text, 90)}", evidence))
    return out
