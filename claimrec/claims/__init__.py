"""Attributed claim extraction: who said, claimed or denied what, in one article.

``extract_claims(article, adoc)`` runs over the article's annotated document
(:mod:`claimrec.text.document`: its parse, quotes, sentences, paragraphs, hedges):

1. ``cues``      reporting cues from the lexicon (verbs, "according to", nouns);
2. ``signed_lines``    "NAME: what was said" lines (headlines) and transcript turns
                 (a capitals label and the paragraphs that continue it);
   ``indirect``  content from the parse around each cue (clauses, objects,
                 infinitives, colons, embedded "a claim by X that Y");
3. ``direct``    quotes no cue claimed: orphan cues, continuations, bare quotes;
4. ``paragraphs``  a claim over several paragraphs becomes one claim per paragraph;
5. ``coref``     pronoun and "the company" / "the minister" / "the 45-year-old"
                 speakers resolved to earlier actors, with gender agreement;
6. ``stance``    stance, negation, hedges and medium; ``kinds`` the claim kind
                 (speech / belief / plan / according-to);
then claims are numbered ``{article_id}:c{n}`` in text order.
"""

from __future__ import annotations

import logging
from typing import Optional

from claimrec.claims.according import according_claims
from claimrec.claims.assemble import build_claims
from claimrec.claims.candidate import Candidate
from claimrec.claims.coref import resolve_speakers
from claimrec.claims.cues import find_cues
from claimrec.claims.direct import quote_claims
from claimrec.claims.indirect import verb_claims
from claimrec.claims.kinds import ATTITUDE_KINDS, claim_kind
from claimrec.claims.nominal import nominal_claims
from claimrec.claims.paragraphs import split_paragraphs
from claimrec.claims.signed_lines import first_person_in_turns, label_claims
from claimrec.models import Article, Claim
from claimrec.text.document import AnnotatedDoc, annotate
from claimrec.text.lookups import CueTables, extraction

__all__ = ["claims_of_text", "extract_claims", "find_candidates"]

log = logging.getLogger(__name__)


def find_candidates(index: AnnotatedDoc) -> list[Candidate]:
    """The raw claim candidates of an annotated document (speakers resolved)."""
    lex = extraction()
    turns = label_claims(index, lex)
    cands: list[Candidate] = list(turns)
    orphans = []
    for hit in find_cues(index, lex):
        if hit.kind == "verb":
            got = verb_claims(index, hit, lex)
            if not got and "quote" in hit.frames:
                orphans.append(hit)
        elif hit.kind == "according":
            got = according_claims(index, hit, lex)
        else:
            got = nominal_claims(index, hit, lex)
        cands.extend(got)
    cands.extend(quote_claims(index, cands, orphans, lex))
    cands = split_paragraphs(index, _drop_nested(_dedupe(cands), lex))
    first_person_in_turns(index, turns, cands)
    resolve_speakers(index, cands, lex)
    return cands


def _drop_nested(cands: list[Candidate], lex: CueTables) -> list[Candidate]:
    """A cue inside another claim's content is part of that claim, not a claim of its own,
    when it has no speaker ("accused X of seeking to ...") or reports a belief or a plan:
    in "the attorney said the ad suggests that the officers support Trump's campaign" or
    "Clinton said Trump supported the invasion" the officers and Trump are what the outer
    speaker talks about, not sources of a claim; the text vouches only for the telling."""
    spans = [(c.start, c.end) for c in cands]
    kept = []
    for c in cands:
        inner = c.parent is None and c.cue_span is not None and (
            c.speaker is None or claim_kind(c, lex) in ATTITUDE_KINDS)
        if inner and any(s <= c.cue_span[0] < e for s, e in spans if (s, e) != (c.start, c.end)):
            continue
        kept.append(c)
    return kept


def extract_claims(article: Article, adoc: Optional[AnnotatedDoc]) -> list[Claim]:
    """Claims of one article, in text order, ids ``{article.id}:c{n}``."""
    if adoc is None or len(adoc.doc) == 0 or not article.text.strip():
        return []
    if adoc.text != article.text:
        log.warning("parse of %s does not match its text; no claims extracted", article.id)
        return []
    return build_claims(article, adoc, find_candidates(adoc), extraction())


def claims_of_text(text: str, nlp, article_id: str = "t") -> list[Claim]:
    """Parse, annotate and extract one text (tests and tools; the pipeline batches)."""
    return extract_claims(Article(id=article_id, path=f"{article_id}.txt", text=text),
                          annotate(article_id, text, nlp(text)))


def _overlap_f1(a: Candidate, b: Candidate) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return 2 * inter / ((a.end - a.start) + (b.end - b.start))


def _nested(inner: Candidate, outer: Candidate) -> bool:
    """``inner``'s cue lies inside ``outer``'s transcript turn or "according to" content: a
    claim the outer source reports ("As the secretary said, ...", "According to ABC, Basya
    believes ..."), not a second reading of the same claim."""
    return outer.how in ("label", "turn", "according") and inner.cue_span is not None \
        and outer.start <= inner.cue_span[0] < outer.end


def _cue_inside(inner: Candidate, outer: Candidate) -> bool:
    return inner.cue_span is not None and outer.cue_span != inner.cue_span \
        and outer.start <= inner.cue_span[0] < outer.end


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """One claim per content: coordinated cues or two rules finding the same span."""
    cands = sorted(cands, key=lambda c: (c.start, -c.confidence))
    kept: list[Candidate] = []
    for c in cands:
        dup = None
        for k in reversed(kept):
            if k.start < c.start - 5000:
                break
            if c.parent is k or k.parent is c or _nested(c, k) or _nested(k, c):
                continue
            if _overlap_f1(c, k) >= 0.9:
                dup = k
                break
        if dup is None:
            kept.append(c)
        elif _cue_inside(dup, c) or (not _cue_inside(c, dup) and
                                     (c.speaker is not None, c.confidence) > (dup.speaker is not None, dup.confidence)):
            # one claim reported inside the other ("she said she believes ..."): the
            # reporting one, whose content holds the other's cue, is the claim
            kept[kept.index(dup)] = c
            for other in kept:
                if other.parent is dup:
                    other.parent = c
    return kept
