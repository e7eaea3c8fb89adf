"""Word alignment of a rewrite sentence with the source sentence(s) it came from.

The rewrite detectors look at what changed, and only there: a copy, a quote-style or
whitespace reflow, or a re-joined paragraph has no changed words, so nothing can be
reported on it. Tokens are compared as :func:`~claimrec.text.normalize.fold` sees them
(case, quote style and dashes ignored); whitespace tokens do not take part. The
alignment is difflib's longest-matching-blocks over the two word sequences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property


@dataclass(frozen=True)
class Hunk:
    """A stretch that differs: rewrite tokens ``rewrite`` replaced source tokens ``source``
    (doc token indices; either list may be empty: an insertion or a deletion)."""

    op: str  # replace | insert | delete
    rewrite: tuple[int, ...]
    source: tuple[int, ...]


@dataclass(eq=False)
class WordAlignment:
    rewrite_tokens: list[int]  # doc indices of the rewrite sentence's words
    source_tokens: list[tuple[int, int]]  # (source unit position, doc index) of the source words
    hunks: list[Hunk] = field(default_factory=list)
    matched: dict[int, int] = field(default_factory=dict)  # rewrite token -> source token

    @property
    def identical(self) -> bool:
        return not self.hunks

    @cached_property
    def changed_rewrite(self) -> frozenset[int]:
        return frozenset(i for h in self.hunks for i in h.rewrite)

    @cached_property
    def changed_source(self) -> frozenset[int]:
        return frozenset(j for h in self.hunks for j in h.source)

    def touches_rewrite(self, start: int, end: int) -> bool:
        """Some rewrite token in ``[start, end)`` changed (or an insertion sits inside it)."""
        return any(start <= i < end for i in self.changed_rewrite)

    def touches_source(self, start: int, end: int) -> bool:
        return any(start <= j < end for j in self.changed_source)

    def source_of(self, i: int):
        """The source token a rewrite token was copied from, or None."""
        return self.matched.get(i)


def _words(norms: list[str], doc, start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if not doc[i].is_space and norms[i].strip()]


def align_words(radoc, runit, sources: list) -> WordAlignment:
    """Align the words of ``runit`` (a unit of ``radoc``) with those of the source units
    ``sources`` (``(sadoc, unit)`` pairs, in order)."""
    rnorms = radoc.norms
    rtoks = _words(rnorms, radoc.doc, runit.tok_start, runit.tok_end)
    stoks: list[tuple[int, int]] = []
    snorm: list[str] = []
    for k, (sadoc, unit) in enumerate(sources):
        norms = sadoc.norms
        for j in _words(norms, sadoc.doc, unit.tok_start, unit.tok_end):
            stoks.append((k, j))
            snorm.append(norms[j])
    a = [rnorms[i] for i in rtoks]
    out = WordAlignment(rtoks, stoks)
    matcher = SequenceMatcher(None, a, snorm, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for di in range(i2 - i1):
                out.matched[rtoks[i1 + di]] = stoks[j1 + di][1]
            continue
        out.hunks.append(Hunk(op, tuple(rtoks[i1:i2]), tuple(s[1] for s in stoks[j1:j2])))
    return out
