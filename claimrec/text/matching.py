"""spaCy Matchers built from the lexicon's token patterns, once per vocabulary."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from claimrec.text.arrays import Words, indices_where_any
from claimrec.text.lexicon import lexicon


_SPACE = {"IS_SPACE": True, "OP": "*"}
# word attributes a pattern's first token can be looked up by (see _first_words)
_WORD_ATTRS = ("LOWER", "LEMMA", "ORTH")
_REPEAT = re.compile(r"\{(\d*)(?:(,)(\d*))?\}$")


def _spaced(tokens: list[dict]) -> list[dict]:
    """The pattern with any whitespace tokens allowed between its tokens: a line break of
    hard-wrapped text ("according to\nofficials") leaves the words a phrase."""
    out: list[dict] = []
    for k, tok in enumerate(tokens):
        if k:
            out.append(_SPACE)
        out.append(tok)
    return out


@dataclass(frozen=True)
class LexiconMatcher:
    """A Matcher of lexicon entries (key ``str(k)`` for entry ``k``) and what any match's
    first token must be, so that it is run only around tokens where a match can start.

    Every pattern is tried at every token it is run over, and most tokens start none:
    running it only over windows that begin at a possible first word finds exactly the
    matches running it over the whole range would, for a fraction of the work.
    """

    matcher: object
    first_words: Optional[dict[str, frozenset[str]]]  # attr -> values; None: any token
    longest: Optional[int]  # most tokens a match holds besides whitespace; None: no bound


def _first_words(patterns: list[list[dict]]) -> Optional[dict[str, frozenset[str]]]:
    """Per word attribute, the values one of which a match's first token has; None when
    some pattern's first token is not pinned to words (or is optional)."""
    words: dict[str, set[str]] = {}
    for tokens in patterns:
        first = tokens[0]
        if "OP" in first:
            return None
        for attr in _WORD_ATTRS:
            values = _literal_values(first.get(attr))
            if values is not None:
                words.setdefault(attr, set()).update(values)
                break
        else:
            return None
    return {attr: frozenset(values) for attr, values in words.items()}


def _literal_values(value) -> Optional[list[str]]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return list(value["IN"])
    return None


def _longest(patterns: list[list[dict]]) -> Optional[int]:
    """The most tokens any pattern consumes (the whitespace between them aside)."""
    most = 0
    for tokens in patterns:
        n = 0
        for tok in tokens:
            op = tok.get("OP")
            if op in (None, "!", "?"):
                n += 1
                continue
            m = _REPEAT.match(op)
            upper = (m.group(3) if m.group(2) else m.group(1)) if m else ""
            if not upper:  # "+", "*", "{n,}": unbounded
                return None
            n += int(upper)
        most = max(most, n)
    return most


def _matcher(vocab, entries) -> LexiconMatcher:
    from spacy.matcher import Matcher

    matcher = Matcher(vocab, validate=True)
    for k, entry in enumerate(entries):
        matcher.add(str(k), [_spaced(entry.tokens)])
    patterns = [entry.tokens for entry in entries]
    return LexiconMatcher(matcher, _first_words(patterns), _longest(patterns))


@lru_cache(maxsize=4)
def hedge_matcher(vocab) -> LexiconMatcher:
    return _matcher(vocab, lexicon().hedges.patterns)


@lru_cache(maxsize=4)
def modality_matcher(vocab) -> LexiconMatcher:
    return _matcher(vocab, lexicon().modality.markers)


def matches(matcher: LexiconMatcher, doc, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
    """(entry index, start token, end token) of every match in ``doc[start:end]``, in order;
    where matches of one entry overlap, the longest is kept."""
    end = len(doc) if end is None else end
    return next(matches_in(matcher, doc, [(start, end)]))


def matches_in(matcher: LexiconMatcher, doc, ranges: Iterable[tuple[int, int]]) -> Iterator[list[tuple[int, int, int]]]:
    """``matches`` of each ``(start, end)`` token range of ``doc``, in turn."""
    starts = _possible_starts(matcher, doc)
    words = None if starts is None else Words(doc).at
    for lo, hi in ranges:
        if starts is None:
            windows = [(lo, hi)]
        else:
            windows = _windows(starts, words, matcher.longest, lo, hi)
        found = []
        for a, b in windows:
            found.extend(_run(matcher.matcher, doc, a, b))
        yield _longest_per_entry(found)


def _possible_starts(matcher: LexiconMatcher, doc) -> Optional[list[int]]:
    """Tokens a match can start at, in order; None when any can."""
    if matcher.first_words is None:
        return None
    return indices_where_any(doc, matcher.first_words)


def _windows(starts: list[int], words: list[int], longest: Optional[int], lo: int,
             hi: int) -> list[tuple[int, int]]:
    """Token ranges inside ``[lo, hi)`` holding every match there: from each possible start
    to where a match from it must have ended (it holds at most ``longest`` non-whitespace
    tokens), overlapping ones joined."""
    out: list[list[int]] = []
    for c in starts[bisect_left(starts, lo):bisect_left(starts, hi)]:
        if longest is None:
            return [(c, hi)]
        # the (longest+1)-th non-whitespace token from c is past the end of any match from c
        k = bisect_left(words, c) + longest
        stop = min(hi, words[k]) if k < len(words) else hi
        if out and c < out[-1][1]:
            out[-1][1] = max(out[-1][1], stop)
        else:
            out.append([c, stop])
    return [(a, b) for a, b in out]


def _run(matcher, doc, start: int, end: int) -> list[tuple[int, int, int]]:
    vocab = doc.vocab
    return [(int(vocab.strings[match_id]), start + s, start + e)
            for match_id, s, e in matcher(doc[start:end])]


def _longest_per_entry(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    found.sort(key=lambda m: (m[1], -(m[2] - m[1]), m[0]))
    kept: list[tuple[int, int, int]] = []
    for m in found:
        if any(k[0] == m[0] and k[1] <= m[1] and m[2] <= k[2] for k in kept):
            continue
        kept.append(m)
    return kept
