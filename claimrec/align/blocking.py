"""Candidate pairs by blocking: an inverted index on rare keys instead of all pairs.

Only items sharing at least one key whose posting list is short (a rare key)
become candidates, and each item looks up only its few rarest keys. With
postings capped at ``max_postings`` and ``per_item`` keys looked up, an item
has at most ``per_item * max_postings`` candidates, so the number of compared
pairs grows linearly with the number of items, not quadratically.
"""

from __future__ import annotations

import heapq
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
    groups: Optional[Sequence[Hashable]] = None,
) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of items sharing a rare key (held by at most ``max_postings`` items).

    With ``per_item`` = k, each item looks up only its k rarest keys, so at most
    k * ``max_postings`` candidates per item: the total is linear in the number of
    items whatever the vocabulary looks like. Items of the same ``groups`` value are
    never paired (a cheaper ``allowed`` for the common case)."""
    sets = [keys if isinstance(keys, (set, frozenset)) else set(keys) for keys in keysets]
    index: dict[Hashable, list[int]] = defaultdict(list)
    for i, keys in enumerate(sets):
        for k in keys:
            index[k].append(i)
    size = {k: len(postings) for k, postings in index.items()}
    skipped = sum(1 for n in size.values() if n > max_postings)
    pairs: set[tuple[int, int]] = set()
    # items with the same keys (copies of one text) look up the same neighbours
    neighbours: dict[frozenset, frozenset] = {}
    for i, keys in enumerate(sets):
        seen = keys if isinstance(keys, frozenset) else frozenset(keys)
        near = neighbours.get(seen)
        if near is None:
            # a key no other item has finds nothing; the rarest *shared* keys are the salient ones
            rare = [k for k in keys if 1 < size[k] <= max_postings]
            if per_item is not None and len(rare) > per_item:
                # the same as sorted(...)[:per_item], ties included, without sorting them all
                rare = heapq.nsmallest(per_item, rare, key=lambda k: (size[k], str(k)))
            near = neighbours[seen] = frozenset(j for k in rare for j in index[k])
        if groups is not None:
            g = groups[i]
            found = {(i, j) if i < j else (j, i) for j in near if j != i and groups[j] != g}
        else:
            found = {(i, j) if i < j else (j, i) for j in near if j != i}
        if allowed is not None:
            found = {pair for pair in found if pair in pairs or allowed(*pair)}
        pairs |= found
    if stats is not None:
        stats.items += len(sets)
        stats.keys += len(index)
        stats.skipped_keys += skipped
        stats.candidate_pairs += len(pairs)
    return sorted(pairs)
