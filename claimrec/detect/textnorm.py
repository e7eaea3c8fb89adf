"""Token and string normalisation shared by the detectors.

Rewrites are compared with their source on normalised keys, never on raw
strings: case, curly vs straight quotes, tokeniser spacing ("the u.s. 's") and
inflection ("criticised" / "criticism") must not look like a change.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from claimrec.nlp import CONTENT_POS
from claimrec.resources import load_json

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
})
_SPACES = re.compile(r"\s+")
_TOKEN_GLUE = re.compile(r"\s+(?=(?:'s|n't|'re|'ve|'ll|'d|'m)\b|[,.;:!?%)\]])|(?<=[(\[$£€])\s+")
_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")

_SUFFIXES = (
    "izations", "isations", "ization", "isation", "ations", "ation", "ements", "ement",
    "ments", "ment", "nesses", "ness", "ings", "ing", "ised", "ized",
    "ises", "izes", "ise", "ize", "ions", "ion", "ers", "er", "ies", "ied", "ed", "es",
    "ism", "ist", "ists", "ive", "ly", "al", "s",
)


@lru_cache(maxsize=None)
def detect_words(key: str) -> frozenset[str]:
    """One word list of data/lexicons/detect_words.json (negators, pronoun speakers, ...)."""
    return frozenset(load_json("lexicons/detect_words.json")[key])


def fold(text: str) -> str:
    """Lower-case, ASCII quotes and dashes, single spaces, tokeniser spacing undone."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    text = _SPACES.sub(" ", text).strip()
    return _TOKEN_GLUE.sub("", text)


def words(text: str) -> list[str]:
    """The alphanumeric words of ``fold(text)``."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, deterministic stem: enough to equate criticised/criticism/critics."""
    w = word.lower().strip("'-.")
    if len(w) <= 4:
        return w
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    return w[:7]


def token_key(tok) -> str:
    """The comparison key of a spaCy token: stem of its lower-cased lemma."""
    lemma = tok.lemma_.lower() if tok.lemma_ else tok.lower_
    if lemma in {"-pron-", ""}:
        lemma = tok.lower_
    return stem(lemma)


def is_content(tok) -> bool:
    """A token that carries meaning of its own (not a function word or punctuation)."""
    if tok.is_punct or tok.is_space or tok.is_stop and tok.pos_ != "NUM":
        return False
    if tok.pos_ not in CONTENT_POS:
        return False
    low = tok.lower_
    weak = detect_words("weak_content")  # short function words spaCy may tag as content ("not", "so")
    if low in weak or tok.lemma_.lower() in weak:
        return False
    return any(ch.isalnum() for ch in low)


def content_keys(tokens) -> set[str]:
    return {token_key(t) for t in tokens if is_content(t)}


def token_runs(tokens, keep) -> list[list]:
    """Maximal runs of consecutive tokens for which ``keep(token)`` holds, in order."""
    runs: list[list] = []
    cur: list = []
    for tok in tokens:
        if keep(tok):
            cur.append(tok)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def surface_keys(tokens) -> set[str]:
    """Stems of both surface form and lemma: a lenient 'is this word there' index."""
    out: set[str] = set()
    for t in tokens:
        if t.is_punct or t.is_space:
            continue
        out.add(stem(t.lower_))
        out.add(token_key(t))
    return out


_SKELETON_RULES = (
    ("ph", "f"), ("kh", "h"), ("ck", "k"), ("c", "k"), ("q", "k"), ("y", "i"), ("j", "i"),
    ("w", "v"), ("z", "s"), ("x", "ks"), ("ou", "u"), ("ee", "i"), ("oo", "u"),
)


@lru_cache(maxsize=16384)
def name_skeleton(name: str) -> str:
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
    sa, sb = name_skeleton(a), name_skeleton(b)
    if not sa or not sb:
        return 0.0
    if sa == sb:
        return 1.0
    return fuzz.ratio(sa, sb) / 100.0


def names_compatible(a: str, b: str, threshold: float = 0.85) -> bool:
    """True when name ``a`` and name ``b`` can denote the same person.

    A shorter form ("McConaghy", "Ben McConaghy") is compatible with the full
    name when each of its tokens matches one token of the longer name.
    """
    ta, tb = name_skeleton(a).split(), name_skeleton(b).split()
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(any(fuzz.ratio(s, t) / 100.0 >= threshold for t in long_) for s in short)


def clip(text: str, limit: int = 80) -> str:
    """One-line excerpt for summaries."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "\u2026"


def q(text: str, limit: int = 80) -> str:
    """A quoted one-line excerpt: the form summaries cite phrases in."""
    return "\u201c" + clip(text, limit) + "\u201d"
