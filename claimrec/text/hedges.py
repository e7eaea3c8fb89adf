"""Hedges and the words each one hedges, found once per document.

Patterns come from ``data/lexicons/hedges.json`` (spaCy Matcher token patterns):
distancing ("what it called", "so-called"), allegation ("alleged"), evidential
("reportedly"), uncertainty ("possibly"), reportative ("is said to") and sourcing
("according to") hedges. Each hedge's target is read off the parse within its
sentence, by the scope its kind has: the noun phrase after it, the word it
modifies (with that word's subject and object for a verb), the verb phrase it governs
("appeared to"), or the clause it sits in.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimrec.text.keys import keys_of
from claimrec.text.lexicon import lexicon
from claimrec.text.matching import hedge_matcher, matches_in


@dataclass(frozen=True)
class Hedge:
    kind: str
    start: int  # doc token indices of the hedge words
    end: int
    target_start: int  # doc token indices of what is hedged
    target_end: int

    def target_keys(self, doc) -> set[str]:
        return keys_of(doc[self.target_start:self.target_end])


def find_hedges(doc, bounds: list[tuple[int, int]]) -> list[Hedge]:
    """Hedges in each sentence ``(start, end)`` token range of ``doc``, in text order."""
    lex = lexicon().hedges
    matcher = hedge_matcher(doc.vocab)
    out: list[Hedge] = []
    for (lo, hi), found in zip(bounds, matches_in(matcher, doc, bounds)):
        for k, start, end in found:
            entry = lex.patterns[k]
            scope = entry.scope or lex.scopes[entry.kind]
            if scope == "next_np":
                ts, te = _next_np(doc, end, hi)
            elif scope == "head":
                ts, te = _head_phrase(doc, start, end, lo, hi)
                if not keys_of(doc[ts:te]):
                    # a function word modified ("possibly not until after the election"):
                    # the hedge covers the phrase it heads
                    ts, te = _subtree(doc, start, lo, hi)
            elif scope == "complement":
                ts, te = _complement(doc, start, lo, hi)
            else:
                ts, te = _clause(doc, start, end, lo, hi)
            if te > ts:
                out.append(Hedge(entry.kind, start, end, ts, te))
    # a hedge inside a longer one of the same kind ("called" in "what it called") is that one
    return [h for h in out if not any(o is not h and o.kind == h.kind and o.start <= h.start
                                      and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
                                      for o in out)]


def _next_np(doc, after: int, hi: int) -> tuple[int, int]:
    # the noun phrase right after the hedge, up to its head noun and its of/with complement
    i = after
    while i < hi and doc[i].pos_ in ("DET", "PUNCT") and doc[i].text not in (",", "."):
        i += 1
    j = i
    while j < hi and doc[j].pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "DET", "ADV", "PART") \
            and doc[j].text not in (",", "."):
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


def _subtree(doc, start: int, lo: int, hi: int) -> tuple[int, int]:
    head = doc[start].head
    if not (lo <= head.i < hi):
        return start, start
    return max(head.left_edge.i, lo), min(head.right_edge.i + 1, hi)


def _complement(doc, start: int, lo: int, hi: int) -> tuple[int, int]:
    """What "appeared to" / "seems to" hedges: its verb phrase, from the subject on
    ("the blast appeared to be deliberate": "the blast ... be deliberate")."""
    verb = doc[start]
    comp = next((c for c in verb.rights if c.dep_ == "xcomp" and c.i < hi), None)
    if comp is None:
        return start, start
    subj = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass") and c.i >= lo), None)
    first = subj.left_edge.i if subj is not None else comp.left_edge.i
    return max(first, lo), min(comp.right_edge.i + 1, hi)


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
