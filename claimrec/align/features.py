"""IDF weights and weighted coverage of content keys (:mod:`claimrec.text.keys`).

Keys are weighted by IDF over the units being compared, so a shared rare word
counts for more than a shared common one.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Iterable


def idf_weights(key_sets: Iterable[set[str]]) -> dict[str, float]:
    sets = list(key_sets)
    df: Counter[str] = Counter()
    for s in sets:
        df.update(s)
    n = len(sets) or 1
    return {k: math.log(1.0 + n / c) for k, c in df.items()}


def weight(keys: Iterable[str], idf: dict[str, float]) -> float:
    return sum(idf.get(k, 1.0) for k in keys)


def coverage(a: set[str], b: set[str], idf: dict[str, float]) -> float:
    """Share of ``a``'s weight that ``b`` also has (how much of a is accounted for by b)."""
    total = weight(a, idf)
    if total <= 0:
        return 0.0
    return weight(a & b, idf) / total


def tokens_in(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []
