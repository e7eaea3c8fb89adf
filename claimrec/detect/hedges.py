"""Hedges in a sentence and the words each one hedges.

Hedge phrases come from the shared ``data/lexicons/hedges.json`` (owned by
extraction, read only); ``data/lexicons/detect_hedges.json`` adds the scope
each kind covers and the few patterns detection needs beyond it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claimrec.detect.lexmatch import PatternSet
from claimrec.detect.textnorm import content_keys
from claimrec.resources import load_json


@dataclass(frozen=True)
class HedgeMention:
    kind: str
    start: int  # doc token indices of the hedge words
    end: int
    target_start: int  # doc token indices of what is hedged
    target_end: int

    def target_keys(self, doc) -> set[str]:
        return content_keys(doc[self.target_start:self.target_end])


@lru_cache(maxsize=1)
def _local() -> dict:
    return load_json("lexicons/detect_hedges.json")


def _from_shared(phrases: dict, participle_deps: list[str]) -> list[dict]:
    """hedges.json phrases ("what {pron} called": "distancing") as token patterns."""
    out = []
    for phrase, kind in phrases.items():
        pattern: list[str] = []
        for word in phrase.lower().split():
            if word.startswith("{") and word.endswith("}"):
                pattern.append("**")
                continue
            parts = word.split("-")
            for k, part in enumerate(parts):
                if k:
                    pattern.append("-")
                if part:
                    pattern.append(part)
        if not pattern:
            continue
        entry = {"pattern": pattern, "kind": str(kind)}
        if len(pattern) == 1 and pattern[0].endswith("ed") and participle_deps:
            entry["dep"] = "|".join(participle_deps)
        out.append(entry)
    return out


@lru_cache(maxsize=1)
def hedge_patterns() -> PatternSet:
    local = _local()
    try:
        shared = load_json("lexicons/hedges.json")
        phrases = shared.get("phrases") if isinstance(shared, dict) else None
    except (OSError, ValueError):
        phrases = None
    if isinstance(phrases, dict) and phrases:
        entries = _from_shared(phrases, local.get("participle_deps", []))
    else:
        entries = list(local.get("fallback", []))
    entries += local.get("extra", [])
    scopes = local.get("scopes", {})
    for e in entries:
        e.setdefault("scope", scopes.get(e["kind"], "head"))
    return PatternSet(entries)


def find_hedges(tokens) -> list[HedgeMention]:
    """Hedges inside ``tokens`` (a sentence span) with their targets."""
    out = []
    toks = list(tokens)
    if not toks:
        return out
    lo, hi = toks[0].i, toks[-1].i + 1
    doc = toks[0].doc
    for m in hedge_patterns().find(tokens):
        scope = m.entry.get("scope", "next_np")
        if scope == "next_np":
            ts, te = _next_np(doc, m.end, hi)
        elif scope == "head":
            ts, te = _head_phrase(doc, m.start, m.end, lo, hi)
        else:
            ts, te = _clause(doc, m.start, m.end, lo, hi)
        if te > ts:
            out.append(HedgeMention(m.entry.get("kind", "hedge"), m.start, m.end, ts, te))
    return out


def _next_np(doc, after: int, hi: int) -> tuple[int, int]:
    # the noun phrase right after the hedge, up to its head noun and its of/with complement
    i = after
    while i < hi and doc[i].pos_ in ("DET", "PUNCT") and doc[i].text not in (",", "."):
        i += 1
    j = i
    while j < hi and doc[j].pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "DET", "ADV", "PART") and doc[j].text not in (",", "."):
        j += 1
        if doc[j - 1].pos_ in ("NOUN", "PROPN") and (j >= hi or doc[j].pos_ not in ("NOUN", "PROPN", "PART")):
            break
    return i, j


def _head_phrase(doc, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    head = doc[start].head
    if head.i < lo or head.i >= hi:
        return start, start
    if head.pos_ in ("NOUN", "PROPN"):
        left = min([t.i for t in head.lefts if t.dep_ in ("compound", "amod", "nmod")] + [head.i])
        left = max(left, end) if left < end <= head.i else left
        return left, head.i + 1
    # a verb: the verb and its object(s)
    span_end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("dobj", "attr", "oprd", "prt", "acomp", "xcomp") and child.i < hi:
            span_end = max(span_end, child.right_edge.i + 1)
    span_start = head.i
    for child in head.lefts:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i >= lo:
            span_start = min(span_start, child.left_edge.i)
    span_start = max(span_start, lo)
    return span_start, min(span_end, hi)


def _clause(doc, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    # everything in the sentence after the hedge (for "it is said that ..."), or the
    # main clause around a fronted "according to X,"
    governor = doc[start]
    while governor.dep_ not in ("prep", "ROOT") and governor.head.i != governor.i and lo <= governor.head.i < hi:
        governor = governor.head
    if governor.dep_ == "prep":
        skip = set(range(governor.left_edge.i, governor.right_edge.i + 1))
        rest = [i for i in range(lo, hi) if i not in skip and not doc[i].is_punct]
        if rest:
            return rest[0], rest[-1] + 1
    return end, hi
