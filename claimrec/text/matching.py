"""spaCy Matchers built from the lexicon's token patterns, once per vocabulary."""

from __future__ import annotations

from functools import lru_cache

from claimrec.text.lexicon import lexicon


def _matcher(vocab, entries) -> "object":
    from spacy.matcher import Matcher

    matcher = Matcher(vocab, validate=True)
    for k, entry in enumerate(entries):
        matcher.add(str(k), [entry.tokens])
    return matcher


@lru_cache(maxsize=4)
def hedge_matcher(vocab):
    return _matcher(vocab, lexicon().hedges.patterns)


@lru_cache(maxsize=4)
def modality_matcher(vocab):
    return _matcher(vocab, lexicon().modality.markers)


def matches(matcher, doc, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
    """(entry index, start token, end token) of every match in ``doc[start:end]``, in order;
    where matches of one entry overlap, the longest is kept."""
    end = len(doc) if end is None else end
    span = doc[start:end]
    found = []
    vocab = doc.vocab
    for match_id, s, e in matcher(span):
        found.append((int(vocab.strings[match_id]), start + s, start + e))
    found.sort(key=lambda m: (m[1], -(m[2] - m[1]), m[0]))
    kept: list[tuple[int, int, int]] = []
    for m in found:
        if any(k[0] == m[0] and k[1] <= m[1] and m[2] <= k[2] for k in kept):
            continue
        kept.append(m)
    return kept
