"""Claim and sentence alignment (first cut; issue 4 replaces the internals).

Contract used by detect/ and render/:
- sentence alignments: ``Alignment(level="sentence", spans=[rewrite_sentence, *source_sentences],
  relation="verbatim"|"rewritten"|"new")``, one per rewrite sentence, for every
  (source, rewrite) article pair;
- claim alignments: ``Alignment(level="claim", claim_ids=[a, b], relation=...)``;
- one :class:`Derivation` per (source, rewrite) pair.
"""

from __future__ import annotations

from claimrec.models import Alignment, Article, Claim, Derivation, make_span


def _sentences(doc) -> list[tuple[int, int]]:
    out = []
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        out.append((start, start + len(text)))
    return out


def align_articles(
    articles: list[Article], docs: list, claims: list[Claim]
) -> tuple[list[Alignment], list[Derivation]]:
    from rapidfuzz import fuzz

    alignments: list[Alignment] = []
    derivations: list[Derivation] = []
    sources = [i for i, a in enumerate(articles) if a.role == "source"]
    rewrites = [i for i, a in enumerate(articles) if a.role == "rewrite"]
    for si in sources:
        src, sdoc = articles[si], docs[si]
        src_sents = _sentences(sdoc)
        src_texts = [src.text[a:b].lower() for a, b in src_sents]
        for ri in rewrites:
            rw, rdoc = articles[ri], docs[ri]
            counts = {"verbatim": 0, "rewritten": 0, "new": 0}
            for a, b in _sentences(rdoc):
                text = rw.text[a:b].lower()
                best, best_j = 0.0, -1
                for j, stext in enumerate(src_texts):
                    score = fuzz.token_set_ratio(text, stext) / 100.0
                    if score > best:
                        best, best_j = score, j
                if best >= 0.95:
                    relation = "verbatim"
                elif best >= 0.55:
                    relation = "rewritten"
                else:
                    relation = "new"
                counts[relation] += 1
                spans = [make_span(rw.id, rw.text, a, b)]
                if relation != "new":
                    sa, sb = src_sents[best_j]
                    spans.append(make_span(src.id, src.text, sa, sb))
                alignments.append(Alignment(
                    id=f"s{len(alignments) + 1}", level="sentence", spans=spans,
                    relation=relation, similarity=round(best, 3),
                ))
            total = sum(counts.values()) or 1
            share = (counts["verbatim"] + counts["rewritten"]) / total
            label = "wholly" if share >= 0.8 else "partially" if share >= 0.3 else "non"
            derivations.append(Derivation(
                source_id=src.id, rewrite_id=rw.id, sentences=total, derived_share=round(share, 3),
                label=label, **counts,
            ))
    return alignments, derivations
