"""Candidate pairs by blocking: an inverted index on rare keys instead of all pairs.

Only items sharing at least one key whose posting list is short (a rare key)
become candidates, and each item looks up only its few rarest keys. With
postings capped at ``max_postings`` and ``per_item`` keys looked up, an item
has at most ``per_item * max_postings`` candidates, so the number of compared
pairs grows linearly with the number of items, not quadratically.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Hashable, Iterable, Optional, Sequence


@dataclass
class BlockingStats:
    items: int = 0
    keys: int = 0
    skipped_keys: int = 0
    candidate_pairs: int = 0
    compared_pairs: int = 0
    extra: dict = field(default_factory=dict)


def candidate_pairs(
    keysets: Sequence[Iterable[Hashable]],
    *,
    max_postings: int = 50,
    per_item: Optional[int] = None,
    allowed: Optional[Callable[[int, int], bool]] = None,
    stats: Optional[BlockingStats] = None,
) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of items sharing a rare key (held by at most ``max_postings`` items).

    With ``per_item`` = k, each item looks up only its k rarest keys, so at most
    k * ``max_postings`` candidates per item: the total is linear in the number of
    items whatever the vocabulary looks like."""
    sets = [set(keys) for keys in keysets]
    index: dict[Hashable, list[int]] = defaultdict(list)
    for i, keys in enumerate(sets):
        for k in keys:
            index[k].append(i)
    skipped = sum(1 for postings in index.values() if len(postings) > max_postings)
    pairs: set[tuple[int, int]] = set()
    for i, keys in enumerate(sets):
        # a key no other item has finds nothing; the rarest *shared* keys are the salient ones
        rare = [k for k in keys if 1 < len(index[k]) <= max_postings]
        if per_item is not None and len(rare) > per_item:
            rare = sorted(rare, key=lambda k: (len(index[k]), str(k)))[:per_item]
        for k in rare:
            for j in index[k]:
                if j == i:
                    continue
                pair = (i, j) if i < j else (j, i)
                if pair not in pairs and (allowed is None or allowed(*pair)):
                    pairs.add(pair)
    if stats is not None:
        stats.items += len(sets)
        stats.keys += len(index)
        stats.skipped_keys += skipped
        stats.candidate_pairs += len(pairs)
    return sorted(pairs)
