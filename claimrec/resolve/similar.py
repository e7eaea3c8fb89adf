"""Pairs of near-identical strings without comparing every pair.

Party resolution asks which organisation names (and which surnames) are spelling
variants of each other: ``rapidfuzz.fuzz.ratio(a, b) >= threshold``. Comparing all
pairs grows with the square of the names in an event. Here candidates come from a
filter that provably keeps every pair reaching the threshold, and only they are
compared, so the result is exactly the all-pairs result:

- ``ratio = 100 * (1 - d / (len(a) + len(b)))`` with ``d`` the insert/delete distance, so
  a threshold bounds ``d``, and ``d >= |len(a) - len(b)|`` bounds the lengths;
- Levenshtein distance <= ``d``, so by the q-gram lemma the two strings share at least
  ``max(len) - 1 - 2d`` character bigrams (counted with multiplicity);
- two sets sharing ``t`` elements share one among the ``|set| - t + 1`` rarest of each
  (prefix filtering), so each string is indexed under its few rarest bigrams only.

Strings too short for the bigram bound are compared with every string of a length
they could match.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Sequence

from rapidfuzz import fuzz

# the threshold is compared in floating point by rapidfuzz: allow a hair more distance
# than the exact bound so that rounding can only add candidates, never lose one
_SLACK = 1e-6


def _max_distance(la: int, lb: int, share: float) -> int:
    return math.floor(share * (la + lb) + _SLACK)


def _partner_lengths(la: int, share: float, min_len: int) -> range:
    # |la - lb| <= share * (la + lb)  <=>  la (1 - share) / (1 + share) <= lb <= la (1 + share) / (1 - share)
    lo = max(min_len, math.floor(la * (1 - share) / (1 + share)) - 1)
    hi = math.ceil(la * (1 + share) / (1 - share)) + 1 if share < 1 else la * 4 + 4
    return range(max(0, lo), hi + 1)


def _min_shared(la: int, share: float, min_len: int) -> int:
    """The fewest bigrams a string of length ``la`` can share with any string it matches."""
    least = None
    for lb in _partner_lengths(la, share, min_len):
        d = _max_distance(la, lb, share)
        if abs(la - lb) > d:
            continue
        t = max(la, lb) - 1 - 2 * d
        least = t if least is None else min(least, t)
    return 0 if least is None else least


def _tagged_bigrams(s: str) -> list[tuple[str, int]]:
    seen: Counter[str] = Counter()
    out = []
    for i in range(len(s) - 1):
        g = s[i:i + 2]
        out.append((g, seen[g]))
        seen[g] += 1
    return out


def similar_pairs(strings: Sequence[str], min_ratio: float, min_len: int = 0) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, with ``fuzz.ratio(strings[i], strings[j]) >= min_ratio``
    and both strings at least ``min_len`` long: the pairs comparing all pairs would find."""
    share = max(0.0, 1.0 - min_ratio / 100.0)
    items = [i for i, s in enumerate(strings) if len(s) >= min_len]
    grams = {i: _tagged_bigrams(strings[i]) for i in items}
    df: Counter = Counter()
    for i in items:
        df.update(grams[i])
    by_length: dict[int, list[int]] = defaultdict(list)
    for i in items:
        by_length[len(strings[i])].append(i)

    candidates: set[tuple[int, int]] = set()
    index: dict[tuple[str, int], list[int]] = defaultdict(list)
    unfiltered: list[int] = []
    for i in items:
        la = len(strings[i])
        t = _min_shared(la, share, min_len)
        if t <= 0 or not grams[i]:
            unfiltered.append(i)
            continue
        ordered = sorted(grams[i], key=lambda g: (df[g], g))
        for g in ordered[: len(ordered) - t + 1]:
            index[g].append(i)
    for postings in index.values():
        for a in range(len(postings)):
            for b in range(a + 1, len(postings)):
                i, j = postings[a], postings[b]
                candidates.add((i, j) if i < j else (j, i))
    for i in unfiltered:
        for lb in _partner_lengths(len(strings[i]), share, min_len):
            for j in by_length.get(lb, ()):
                if j != i:
                    candidates.add((i, j) if i < j else (j, i))
    return {(i, j) for i, j in candidates if fuzz.ratio(strings[i], strings[j]) >= min_ratio}
