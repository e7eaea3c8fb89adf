"""Claim alignment across articles: the same claim reported by several articles.

Each claim is described by the content keys of its content span (see
:mod:`claimrec.align.features`), the entities and numbers in it, and its cue
class. Candidate pairs come from blocking on rare keys (and from claims whose
sentences the rewrite-to-source alignment already paired), never from all
pairs. A pair is scored by

    similarity = 0.55 * weighted Dice of content keys
               + 0.25 * rapidfuzz token_sort_ratio of the contents
               + 0.10 * entity agreement + 0.05 * number agreement + 0.05 * same cue class

and labelled ``verbatim`` (contents nearly identical), ``paraphrase`` (most
content shared both ways) or ``partial`` (one claim's content largely inside
the other's, or aligned sentences with some shared content).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from rapidfuzz import fuzz

from claimrec.align.blocking import BlockingStats, candidate_pairs
from claimrec.align.features import idf_weights, tokens_in, weight
from claimrec.models import Alignment, Article, Claim
from claimrec.text.keys import keys_of
from claimrec.text.lexicon import lexicon
from claimrec.text.lookups import parties as party_tables
from claimrec.text.normalize import name_key

VERBATIM = 95.0
PARAPHRASE = 0.5
PARTIAL_COVER = 0.5
PARTIAL_MIN = 0.3
SENTENCE_BONUS = 0.1
MAX_POSTINGS = 50
KEYS_PER_CLAIM = 3

_SPACE = re.compile(r"\s+")


@dataclass
class ClaimFeatures:
    keys: set[str]
    entities: set[str]
    numbers: set[float]
    text: str
    cue: str


def _number_values(tokens) -> set[float]:
    """Numbers in a span, scale words applied ("3.2 million" -> 3200000)."""
    scales = lexicon().numbers.scales
    out: set[float] = set()
    toks = list(tokens)
    for i, t in enumerate(toks):
        if not t.like_num:
            continue
        try:
            value = float(t.text.replace(",", ""))
        except ValueError:
            continue
        nxt = toks[i + 1].lower_ if i + 1 < len(toks) else ""
        out.add(value * scales.get(nxt, 1))
    return out


def _entity_keys(doc, start: int, end: int) -> set[str]:
    lex = party_tables()
    out = set()
    for ent in doc.ents:
        if ent.end_char <= start or ent.start_char >= end:
            continue
        if ent.label_ in ("CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"):
            continue
        country = lex.country(ent.text)
        out.add("country:" + country.name if country else name_key(ent.text) or ent.text.lower())
    return out


def claim_features(claim: Claim, doc) -> ClaimFeatures:
    c = claim.content
    toks = [t for t in tokens_in(doc, c.start, c.end) if c.start <= t.idx < c.end] if doc is not None else []
    keys = keys_of(toks)
    nums = _number_values(toks)
    keys |= {f"num:{n:g}" for n in nums}
    return ClaimFeatures(
        keys=keys,
        entities=_entity_keys(doc, c.start, c.end) if doc is not None else set(),
        numbers=nums,
        text=_SPACE.sub(" ", c.text).strip().lower(),
        cue=claim.cue.cls if claim.cue else "",
    )


def _jaccard(a: set, b: set) -> Optional[float]:
    if not a and not b:
        return None
    return len(a & b) / len(a | b)


def score_pair(a: ClaimFeatures, b: ClaimFeatures, idf: dict[str, float],
               sentence_aligned: bool = False) -> tuple[Optional[str], float]:
    """(relation or None, similarity) for two claims."""
    wa, wb = weight(a.keys, idf), weight(b.keys, idf)
    shared = weight(a.keys & b.keys, idf)
    if wa <= 0 or wb <= 0:
        return None, 0.0
    dice = 2 * shared / (wa + wb)
    cover = max(shared / wa, shared / wb)
    fz = fuzz.token_sort_ratio(a.text, b.text) / 100.0
    ents = _jaccard(a.entities, b.entities)
    nums = _jaccard(a.numbers, b.numbers) if a.numbers and b.numbers else None
    sim = (0.55 * dice + 0.25 * fz + 0.10 * (dice if ents is None else ents)
           + 0.05 * (dice if nums is None else nums) + 0.05 * (1.0 if a.cue and a.cue == b.cue else 0.0))
    if sentence_aligned:
        sim += SENTENCE_BONUS
    sim = min(1.0, sim)
    if fuzz.ratio(a.text, b.text) >= VERBATIM and a.numbers == b.numbers:
        return "verbatim", max(sim, 0.95)
    if dice >= PARAPHRASE or (sim >= PARAPHRASE and cover >= PARTIAL_COVER):
        return "paraphrase", sim
    if (cover >= PARTIAL_COVER and sim >= PARTIAL_MIN) or (sentence_aligned and shared > 0 and sim >= 0.2):
        return "partial", sim
    return None, sim


def align_claims(
    articles: Sequence[Article], docs: Sequence, claims: Sequence[Claim], *,
    sentence_pairs: set[tuple[int, int]] | None = None, start_id: int = 1,
    stats: Optional[BlockingStats] = None,
) -> list[Alignment]:
    """Many-to-many alignments between claims of different articles.

    ``sentence_pairs`` holds (claim index, claim index) pairs whose sentences the
    sentence alignment already paired; they are candidates whatever their keys."""
    doc_of = {a.id: d for a, d in zip(articles, docs)}
    feats = [claim_features(c, doc_of.get(c.article_id)) for c in claims]
    idf = idf_weights([f.keys for f in feats])
    article_of = [c.article_id for c in claims]
    pairs = set(candidate_pairs([f.keys | f.entities for f in feats], max_postings=MAX_POSTINGS,
                                per_item=KEYS_PER_CLAIM,
                                allowed=lambda i, j: article_of[i] != article_of[j], stats=stats))
    aligned_sents = {tuple(sorted(p)) for p in (sentence_pairs or set())}
    pairs |= aligned_sents
    out: list[Alignment] = []
    for i, j in sorted(pairs):
        relation, sim = score_pair(feats[i], feats[j], idf, (i, j) in aligned_sents)
        if relation is None:
            continue
        out.append(Alignment(id=f"c{start_id + len(out)}", level="claim",
                             claim_ids=[claims[i].id, claims[j].id], relation=relation,
                             similarity=round(sim, 3)))
    if stats is not None:
        stats.compared_pairs += len(pairs)
    return out
