"""How much of one article's text comes from another: a cheap sentence match."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)\]]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
# Sentences this short match too easily to count as shared.
MIN_WORDS = 4
# token_sort_ratio at which two sentences count as the same sentence reworded:
# measured on machine rewrites (~40% of sentences pass) against unrelated
# articles (none pass).
SAME_SENTENCE = 60.0


@dataclass(frozen=True)
class Overlap:
    shared: int
    total: int

    @property
    def share(self) -> float:
        return self.shared / self.total if self.total else 0.0


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SPLIT.split(text) if s and len(s.split()) >= MIN_WORDS]


def sentence_overlap(text: str, source_sentences: list[str]) -> Overlap:
    """How many sentences of ``text`` have a close match among ``source_sentences``
    (by token_sort_ratio, see ``_sorted_words``)."""
    own = sentences(text)
    if not own or not source_sentences:
        return Overlap(0, len(own))
    # every article is compared with the same source: its sentences are prepared once
    choices = _sorted_choices(tuple(source_sentences))
    shared = 0
    for sentence in own:
        hit = process.extractOne(_sorted_words(sentence), choices, scorer=fuzz.ratio,
                                 score_cutoff=SAME_SENTENCE)
        shared += hit is not None
    return Overlap(shared, len(own))


def _sorted_words(sentence: str) -> str:
    """The sentence as token_sort_ratio compares it: processed, its words sorted and joined
    by single spaces. token_sort_ratio(a, b) is ratio(_sorted_words(a), _sorted_words(b)),
    and this way each source sentence is processed and sorted once, not once per
    comparison. (default_process leaves spaces as the only whitespace, so ``split()``
    cuts where rapidfuzz does.)"""
    return " ".join(sorted(default_process(sentence).split()))


@lru_cache(maxsize=8)
def _sorted_choices(source_sentences: tuple[str, ...]) -> list[str]:
    return [_sorted_words(s) for s in source_sentences]
