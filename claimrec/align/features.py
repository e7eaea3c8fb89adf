"""Content keys of token ranges, IDF weights and weighted coverage.

A content key is what two sentences or claims must share to say the same
thing: the lemma of a content word (noun, verb, adjective, adverb, number,
proper noun) that is not a stopword. Common words are cut to a 6-letter stem
so derivations meet ("criticism" ~ "criticized", "compliance" ~ "compliant");
proper nouns keep their whole name, folded so transliterations meet ("Sarym"
~ "Sarim"). Keys are weighted by IDF over the units being compared, so a
shared rare word counts for more than a shared "say".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

from claimrec.nlp import CONTENT_POS
from claimrec.resolve.names import fold
from claimrec.resources import load_json

STEM = 6
_HAS_WORD = re.compile(r"\w")


@lru_cache(maxsize=1)
def _content_stopwords() -> frozenset[str]:
    return frozenset(load_json("lexicons/align.json")["content_stopwords"])


def token_key(tok) -> str | None:
    """The content key of one token, or None for function words and punctuation."""
    if tok.is_punct or tok.is_space or tok.pos_ not in CONTENT_POS:
        return None
    if tok.is_stop and tok.lemma_.lower() not in _content_stopwords():
        return None
    if not _HAS_WORD.search(tok.text):
        return None
    lemma = tok.lemma_.lower().replace("-", "")
    if tok.like_num or tok.pos_ == "NUM":
        return lemma.replace(",", "")
    if tok.pos_ == "PROPN":
        return fold(lemma) or lemma
    if not lemma.isalpha():
        return lemma
    return lemma[:STEM] if len(lemma) > STEM else lemma


def keys_of(tokens: Iterable) -> set[str]:
    return {k for k in map(token_key, tokens) if k}


def proper_keys(tokens: Iterable) -> set[str]:
    """Keys of proper names (new names are what marks new material most clearly)."""
    return {k for t in tokens if t.pos_ == "PROPN" and (k := token_key(t))}


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
