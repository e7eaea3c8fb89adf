"""The blocked near-duplicate search finds exactly the pairs comparing all pairs finds."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from claimrec.resolve.similar import similar_pairs


def _all_pairs(strings, min_ratio, min_len=0):
    return {(i, j) for i in range(len(strings)) for j in range(i + 1, len(strings))
            if len(strings[i]) >= min_len and len(strings[j]) >= min_len
            and fuzz.ratio(strings[i], strings[j]) >= min_ratio}


def _variants(rng: random.Random, n: int) -> list[str]:
    """Names and their misspellings: insertions, deletions, substitutions, swaps."""
    base = ["sarym", "sarim", "mcconaghy", "meta platforms", "kazakhstan", "reuters",
            "information ministry", "al", "li", "o", "zakon kz", "tokayev", "nazarbayev"]
    out = []
    for _ in range(n):
        s = list(rng.choice(base))
        for _ in range(rng.randint(0, 3)):
            op, at = rng.randint(0, 3), rng.randint(0, len(s))
            if op == 0:
                s.insert(at, rng.choice("aeiouymkz "))
            elif op == 1 and s:
                del s[min(at, len(s) - 1)]
            elif op == 2 and s:
                s[min(at, len(s) - 1)] = rng.choice("aeiouy")
            elif len(s) > 1:
                k = min(at, len(s) - 2)
                s[k], s[k + 1] = s[k + 1], s[k]
        out.append("".join(s))
    return sorted(set(out))


def test_same_pairs_as_all_pairs_on_spelling_variants():
    rng = random.Random(7)
    strings = _variants(rng, 600)
    for min_ratio, min_len in ((85.0, 0), (92.0, 5), (70.0, 0), (99.0, 0)):
        assert similar_pairs(strings, min_ratio, min_len) == _all_pairs(strings, min_ratio, min_len)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abc .", max_size=9), max_size=25),
       st.sampled_from([50.0, 80.0, 85.0, 92.0, 100.0]), st.integers(0, 5))
def test_same_pairs_as_all_pairs_on_any_strings(strings, min_ratio, min_len):
    assert similar_pairs(strings, min_ratio, min_len) == _all_pairs(strings, min_ratio, min_len)
