"""Modality markers: how certain or how far along a predicate is said to be.

Markers come from ``data/lexicons/modality.json`` (spaCy Matcher token patterns), each
with a class and a level ("would" conditional, "will" certain future, "plan to"
intention, "started working on" preparatory, "passed" enacted). Each marker is tied
to the predicate it governs (its anchor), identified by that predicate's key and its
arguments, so that a rewrite's marker can be compared with the source's on the same
predicate.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimrec.text.keys import lemma_key
from claimrec.text.lexicon import lexicon
from claimrec.text.matching import matches_in, modality_matcher

_ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "pobj")


@dataclass(frozen=True)
class Marker:
    cls: str
    level: int
    start: int  # doc token indices of the marker words
    end: int
    anchor: int  # doc index of the governed predicate
    pred_key: str
    args: frozenset
    subjects: frozenset = frozenset()  # those of ``args`` that are the predicate's subject


def find_markers(doc, bounds: list[tuple[int, int]]) -> list[Marker]:
    lex = lexicon().modality
    matcher = modality_matcher(doc.vocab)
    out: list[Marker] = []
    for hits in matches_in(matcher, doc, bounds):
        found = []
        for k, start, end in hits:
            entry = lex.markers[k]
            anchor = _anchor(doc, entry.anchor, start, end)
            if not (0 <= anchor < len(doc)):
                continue
            found.append(Marker(entry.cls, lex.levels[entry.cls], start, end, anchor,
                                lemma_key(doc[anchor]), *_args(doc, anchor)))
        # a one-word marker inside a longer one ("pass" in "began passing") is the same marker
        out.extend(a for a in found if not any(b is not a and b.start <= a.start and a.end <= b.end
                                               and (b.end - b.start) > (a.end - a.start) for b in found))
    return out


def _anchor(doc, spec, start: int, end: int) -> int:
    first = doc[start]
    if spec is None:
        return first.head.i if first.tag_ == "MD" else end - 1
    if isinstance(spec, int):
        return start + spec
    last = doc[end - 1]
    if spec == "xcomp":
        # "plan to pass": the verb after "to"
        return last.head.i if last.head.i > last.i else (end if end < len(doc) else last.i)
    if spec == "pobj":
        # "started working on a bill": the working predicate, whose object is the bill
        return start + 1
    return end - 1


def _args(doc, i: int) -> tuple[frozenset, frozenset]:
    """Keys of the predicate's participants, and of its subjects among them."""
    tok = doc[i]
    keys: set[str] = set()
    subjects: set[str] = set()
    chain = [tok]
    if tok.dep_ in ("xcomp", "pcomp", "ccomp") and tok.head.i != tok.i:
        chain.append(tok.head)
    for t in chain:
        for child in t.children:
            if child.dep_ in _ARG_DEPS and child.pos_ in ("NOUN", "PROPN"):
                keys.add(lemma_key(child))
                if child.dep_ == "nsubj":
                    subjects.add(lemma_key(child))
            elif child.dep_ == "prep":
                for g in child.children:
                    if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                        keys.add(lemma_key(g))
    return frozenset(keys), frozenset(subjects)
