"""Claim and sentence alignment across the articles of a run.

Contract used by detect/ and render/:

- sentence alignments: ``Alignment(level="sentence", spans=[rewrite_sentence, *source_sentences],
  relation="verbatim"|"rewritten"|"new")``, one per rewrite sentence, for every
  (source, rewrite) article pair (see :mod:`claimrec.align.sentences`);
- claim alignments: ``Alignment(level="claim", claim_ids=[a, b], relation="verbatim"|"paraphrase"|"partial",
  similarity)`` between claims of different articles (see :mod:`claimrec.align.claims`);
- one :class:`~claimrec.models.Derivation` per (source, rewrite) pair, label wholly/partially/non.
"""

from __future__ import annotations

from typing import Optional, Sequence

from claimrec.align.blocking import BlockingStats, candidate_pairs
from claimrec.align.claims import align_claims, claim_features, score_pair
from claimrec.align.sentences import align_pair
from claimrec.faults import Faults, several
from claimrec.models import Alignment, Article, Claim, Derivation

__all__ = ["align_articles", "align_claims", "align_pair", "claim_features",
           "score_pair", "candidate_pairs", "BlockingStats"]


def align_articles(
    articles: Sequence[Article], adocs: Sequence, claims: Sequence[Claim],
    stats: Optional[BlockingStats] = None, faults: Optional[Faults] = None,
) -> tuple[list[Alignment], list[Derivation]]:
    """Sentence alignment of every (source, rewrite) pair, each pair in isolation
    (``faults``), then claim alignment across all articles."""
    faults = faults or Faults(debug=True)
    articles, adocs, claims = list(articles), list(adocs), list(claims)
    alignments: list[Alignment] = []
    derivations: list[Derivation] = []
    sources = [i for i, a in enumerate(articles) if a.role == "source"]
    rewrites = [i for i, a in enumerate(articles) if a.role == "rewrite"]
    for si in sources:
        for ri in rewrites:
            if si == ri or adocs[si] is None or adocs[ri] is None:
                continue
            got = faults.run("align", f"{articles[si].path} -> {articles[ri].path}", align_pair,
                             articles[si], adocs[si], articles[ri], adocs[ri],
                             start_id=len(alignments) + 1, stats=stats)
            if got is None:
                continue
            found, derivation = got
            alignments.extend(found)
            derivations.append(derivation)
    pairs = _claims_in_aligned_sentences(alignments, claims)
    alignments.extend(faults.run("align", several([a.path for a in articles]), align_claims,
                                 articles, [a.doc if a is not None else None for a in adocs], claims,
                                 sentence_pairs=pairs, stats=stats, default=[],
                                 texts=[a.text if a is not None else None for a in adocs]))
    return alignments, derivations


def _claims_in_aligned_sentences(alignments: list[Alignment], claims: list[Claim]) -> set[tuple[int, int]]:
    """Claim index pairs whose sentences a sentence alignment pairs (rewrite side, source side)."""
    by_article: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        by_article.setdefault(c.article_id, []).append(i)

    def inside(span) -> list[int]:
        return [i for i in by_article.get(span.article_id, [])
                if claims[i].sentence.start < span.end and span.start < claims[i].sentence.end]

    out: set[tuple[int, int]] = set()
    for a in alignments:
        if a.level != "sentence" or a.relation == "new" or len(a.spans) < 2:
            continue
        left = inside(a.spans[0])
        for span in a.spans[1:]:
            for j in inside(span):
                for i in left:
                    if i != j:
                        out.add((min(i, j), max(i, j)))
    return out
