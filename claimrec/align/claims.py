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
from bisect import bisect_right
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


_NOT_NAMES = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


class _EntityIndex:
    """One doc's named entities as (start_char, end_char, key), read once: ``doc.ents``
    builds new Span objects on every access, and every claim of the doc asks."""

    def __init__(self, doc) -> None:
        lex = party_tables()
        self.ents: list[tuple[int, int, str]] = []
        for ent in doc.ents:
            if ent.label_ in _NOT_NAMES:
                continue
            country = lex.country(ent.text)
            key = "country:" + country.name if country else name_key(ent.text) or ent.text.lower()
            self.ents.append((ent.start_char, ent.end_char, key))
        # entities do not overlap, so their ends are sorted too
        self.ends = [e for _, e, _ in self.ents]

    def keys(self, start: int, end: int) -> set[str]:
        out = set()
        k = bisect_right(self.ends, start)  # the first entity ending after ``start``
        while k < len(self.ents) and self.ents[k][0] < end:
            out.add(self.ents[k][2])
            k += 1
        return out


def _entity_keys(doc, start: int, end: int) -> set[str]:
    return _EntityIndex(doc).keys(start, end)


def claim_features(claim: Claim, doc, entities: Optional[_EntityIndex] = None) -> ClaimFeatures:
    c = claim.content
    toks = [t for t in tokens_in(doc, c.start, c.end) if c.start <= t.idx < c.end] if doc is not None else []
    keys = keys_of(toks)
    nums = _number_values(toks)
    keys |= {f"num:{n:g}" for n in nums}
    if doc is not None and entities is None:
        entities = _EntityIndex(doc)
    return ClaimFeatures(
        keys=keys,
        entities=entities.keys(c.start, c.end) if doc is not None else set(),
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
    return _score(a, b, weight(a.keys, idf), weight(b.keys, idf), idf, sentence_aligned)


def _score(a: ClaimFeatures, b: ClaimFeatures, wa: float, wb: float, idf: dict[str, float],
           sentence_aligned: bool) -> tuple[Optional[str], float]:
    """``score_pair`` with each claim's total key weight (``wa``, ``wb``) computed once."""
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


def _feature_classes(feats: list[ClaimFeatures]) -> list[int]:
    """Per claim, the index of the first claim with the very same features."""
    first: dict[tuple, int] = {}
    out = []
    for i, f in enumerate(feats):
        key = (frozenset(f.keys), frozenset(f.entities), frozenset(f.numbers), f.text, f.cue)
        out.append(first.setdefault(key, i))
    return out


def _unrelated(a: ClaimFeatures, b: ClaimFeatures, wa: float, wb: float, shared: float) -> bool:
    """True when ``_score`` would find no relation for a pair whose sentences are not aligned:
    with under half the content shared either way only ``verbatim`` is left, and that is one
    string comparison. Most candidate pairs end here, before the costlier similarity."""
    if wa <= 0 or wb <= 0:
        return True
    if 2 * shared / (wa + wb) >= PARAPHRASE or max(shared / wa, shared / wb) >= PARTIAL_COVER:
        return False
    return not (fuzz.ratio(a.text, b.text) >= VERBATIM and a.numbers == b.numbers)


def align_claims(
    articles: Sequence[Article], docs: Sequence, claims: Sequence[Claim], *,
    sentence_pairs: set[tuple[int, int]] | None = None, start_id: int = 1,
    stats: Optional[BlockingStats] = None, texts: Optional[Sequence[Optional[str]]] = None,
) -> list[Alignment]:
    """Many-to-many alignments between claims of different articles.

    ``sentence_pairs`` holds (claim index, claim index) pairs whose sentences the
    sentence alignment already paired; they are candidates whatever their keys. ``texts``
    are the texts the ``docs`` parse, when the caller has them (``Doc.text`` is rebuilt from
    the tokens on every call)."""
    doc_of = {a.id: d for a, d in zip(articles, docs)}
    texts = texts if texts is not None else [d.text if d is not None else None for d in docs]
    text_of = {a.id: t for a, d, t in zip(articles, docs, texts) if d is not None}
    # Syndicated copies of one text have the same entities and, claim for claim, the same
    # features but for the cue: each is read once per text, not once per copy.
    by_text: dict[str, _EntityIndex] = {}
    entities = {aid: by_text.get(text) or by_text.setdefault(text, _EntityIndex(doc_of[aid]))
                for aid, text in text_of.items()}
    read: dict[tuple[str, int, int], ClaimFeatures] = {}

    def features(c: Claim) -> ClaimFeatures:
        text = text_of.get(c.article_id)
        if text is None:
            return claim_features(c, doc_of.get(c.article_id))
        where = (text, c.content.start, c.content.end)
        got = read.get(where)
        if got is None:
            got = read[where] = claim_features(c, doc_of[c.article_id], entities[c.article_id])
        return ClaimFeatures(keys=got.keys, entities=got.entities, numbers=got.numbers, text=got.text,
                             cue=c.cue.cls if c.cue else "")

    feats = [features(c) for c in claims]
    idf = idf_weights([f.keys for f in feats])
    totals = [weight(f.keys, idf) for f in feats]
    article_of = [c.article_id for c in claims]
    pairs = candidate_pairs([f.keys | f.entities for f in feats], max_postings=MAX_POSTINGS,
                            per_item=KEYS_PER_CLAIM,
                            groups=article_of, stats=stats)
    aligned_sents = {tuple(sorted(p)) for p in (sentence_pairs or set())}
    if not aligned_sents.issubset(pairs):
        pairs = sorted(aligned_sents.union(pairs))
    key_weight = idf.__getitem__  # every key of every claim has its idf
    # Syndicated copies repeat claims word for word: a pair of contents is scored once,
    # however many article pairs carry it (the score reads nothing but the features).
    kind = _feature_classes(feats)
    scored: dict[tuple[int, int, bool], tuple[Optional[str], float]] = {}
    out: list[Alignment] = []
    for i, j in pairs:
        aligned = (i, j) in aligned_sents
        memo = (kind[i], kind[j], aligned)
        got = scored.get(memo)
        if got is None:
            if not aligned and _unrelated(feats[i], feats[j], totals[i], totals[j],
                                          sum(map(key_weight, feats[i].keys & feats[j].keys))):
                got = (None, 0.0)
            else:
                got = _score(feats[i], feats[j], totals[i], totals[j], idf, aligned)
            scored[memo] = got
        relation, sim = got
        if relation is None:
            continue
        out.append(Alignment(id=f"c{start_id + len(out)}", level="claim",
                             claim_ids=[claims[i].id, claims[j].id], relation=relation,
                             similarity=round(sim, 3)))
    if stats is not None:
        stats.compared_pairs += len(pairs)
    return out
