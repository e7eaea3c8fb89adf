"""Lemma-sequence patterns from the lexicons, matched over spaCy tokens.

A pattern is a list of elements, one per token: ``"say|claim"`` alternatives
of lower-cased lemma or form, ``"*"`` any one token, ``"**"`` one to three
tokens. Patterns are indexed by their first element so a sentence is scanned
once, not once per pattern.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Optional


@dataclass(frozen=True)
class Match:
    start: int  # doc token index of the first matched token
    end: int  # one past the last
    entry: dict

    def tokens(self, doc):
        return doc[self.start:self.end]


def _alts(element: str) -> frozenset[str]:
    return frozenset(element.split("|"))


class PatternSet:
    def __init__(self, entries: Iterable[dict[str, Any]]):
        self._by_first: dict[str, list[tuple[list, dict]]] = {}
        for entry in entries:
            compiled = [e if e in ("*", "**") else _alts(e) for e in entry["pattern"]]
            if not compiled or compiled[0] in ("*", "**"):
                continue
            for first in compiled[0]:
                self._by_first.setdefault(first, []).append((compiled, entry))

    def find(self, tokens) -> list[Match]:
        """All matches inside ``tokens`` (a spaCy Span or Doc), longest first per start."""
        toks = list(tokens)
        if not toks:
            return []
        doc = toks[0].doc
        limit = toks[-1].i + 1
        out: list[Match] = []
        for tok in toks:
            candidates = self._by_first.get(tok.lower_, []) + (
                self._by_first.get(tok.lemma_.lower(), []) if tok.lemma_.lower() != tok.lower_ else []
            )
            best: Optional[Match] = None
            for compiled, entry in candidates:
                if not _token_ok(tok, entry):
                    continue
                end = _match_from(doc, tok.i + 1, compiled, 1, limit)
                if end is not None and (best is None or end > best.end):
                    best = Match(tok.i, end, entry)
            if best is not None:
                out.append(best)
        return out


def _token_ok(tok, entry: dict) -> bool:
    if "tag" in entry and tok.tag_ != entry["tag"]:
        return False
    if "dep" in entry and tok.dep_ not in entry["dep"].split("|"):
        return False
    if "pos" in entry and tok.pos_ != entry["pos"]:
        return False
    return True


def _match_from(doc, i: int, compiled: list, k: int, limit: int) -> Optional[int]:
    if k == len(compiled):
        return i
    element = compiled[k]
    if element == "*":
        return _match_from(doc, i + 1, compiled, k + 1, limit) if i < limit else None
    if element == "**":
        for skip in (1, 2, 3):
            if i + skip > limit:
                break
            end = _match_from(doc, i + skip, compiled, k + 1, limit)
            if end is not None:
                return end
        return None
    if i >= limit:
        return None
    tok = doc[i]
    if tok.lower_ in element or tok.lemma_.lower() in element:
        return _match_from(doc, i + 1, compiled, k + 1, limit)
    return None
