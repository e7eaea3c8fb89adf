"""String normalisation: the one way each kind of comparison folds its text.

- :func:`fold`: text compared as text (quotes, sentences): case, curly vs straight
  quotes, dashes, spacing and tokeniser spacing ("the u.s. 's") never count as a change;
- :func:`norm`: lexicon lookups: lower case, accents off, typographic apostrophes plain;
- :func:`name_key`: names compared as names: a transliteration-tolerant key under which
  "Aydos Sarim" and "Aidos Sarym" meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
    "\u200b": None, "\ufeff": None,
})
_SPACES = re.compile(r"\s+")
_TOKEN_GLUE = re.compile(r"\s+(?=(?:'s|n't|'re|'ve|'ll|'d|'m)\b|[,.;:!?%)\]])|(?<=[(\[$£€])\s+")
_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")


# fold, norm and names_compatible are pure functions of their strings, and a large event
# asks them about the same few thousand names, words and sentences over and over (every
# pair of articles, every pair of claims): each answer is computed once per process.
@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, ASCII quotes and dashes, single spaces, tokeniser spacing undone."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    text = _SPACES.sub(" ", text).strip()
    return _TOKEN_GLUE.sub("", text)


_ARTICLES = ("the ", "a ", "an ")


def without_article(text: str) -> str:
    """``fold(text)`` without a leading "the", "a" or "an": "The Daily News" -> "daily news"."""
    folded = fold(text)
    for art in _ARTICLES:
        if folded.startswith(art):
            return folded[len(art):]
    return folded


def words(text: str) -> list[str]:
    """The alphanumeric words of ``fold(text)``."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=262144)
def norm(text: str) -> str:
    """Lower-cased, accent-free, single-spaced, typographic apostrophes made plain."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text).strip().lower()


_SKELETON_RULES = (
    ("ph", "f"), ("kh", "h"), ("ck", "k"), ("c", "k"), ("q", "k"), ("y", "i"), ("j", "i"),
    ("w", "v"), ("z", "s"), ("x", "ks"), ("ou", "u"), ("ee", "i"), ("oo", "u"),
)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A transliteration-tolerant form of a name: Aydos Sarim ~ Aidos Sarym."""
    s = "".join(ch for ch in unicodedata.normalize("NFKD", name.lower()) if ch.isalpha() or ch == " ")
    for a, b in _SKELETON_RULES:
        s = s.replace(a, b)
    out = []
    for ch in s:
        if not out or out[-1] != ch:  # transliterations double letters at will (Akhmetov / Akhmettov)
            out.append(ch)
    return _SPACES.sub(" ", "".join(out)).strip()


def name_similarity(a: str, b: str) -> float:
    """0..1: how likely two name strings spell the same name."""
    sa, sb = name_key(a), name_key(b)
    if not sa or not sb:
        return 0.0
    if sa == sb:
        return 1.0
    return fuzz.ratio(sa, sb) / 100.0


@lru_cache(maxsize=262144)
def names_compatible(a: str, b: str, threshold: float = 0.85) -> bool:
    """True when name ``a`` and name ``b`` can denote the same person.

    A shorter form ("McConaghy", "Ben McConaghy") is compatible with the full
    name when each of its tokens matches one token of the longer name.
    """
    ta, tb = name_key(a).split(), name_key(b).split()
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(any(fuzz.ratio(s, t) / 100.0 >= threshold for t in long_) for s in short)
