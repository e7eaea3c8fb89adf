"""Predicates and their arguments, read off the dependency parse.

Used to compare who-did-what-to-whom between a rewrite sentence and its
source: passive voice is normalised (the agent is the subject, the passive
subject the object), and conjoined or controlled verbs inherit their subject.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from claimrec.text.keys import keys_of, lemma_key
from claimrec.text.negation import is_negated

_SUBJ = ("nsubj", "csubj")
_OBJ = ("dobj", "dative")
_ARG_LEFT = ("compound", "amod", "poss", "nummod", "nmod", "quantmod")


@dataclass(frozen=True)
class Arg:
    head: int  # doc token index of the head word
    start: int
    end: int
    head_key: str
    keys: frozenset
    pronoun: bool

    def text(self, doc) -> str:
        return doc[self.start:self.end].text


@dataclass(frozen=True)
class Predicate:
    verb: int  # doc token index
    key: str
    negated: bool
    subj: Optional[Arg]
    obj: Optional[Arg]
    start: int  # extent used as evidence: subject .. object
    end: int

    def arg_keys(self) -> set[str]:
        out: set[str] = set()
        for a in (self.subj, self.obj):
            if a is not None and not a.pronoun:
                out |= set(a.keys)
        return out


def _arg(tok) -> Arg:
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in _ARG_LEFT or child.dep_ == "det" and child.lower_ not in ("the", "a", "an"):
            left = min(left, child.left_edge.i)
    right = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            right = max(right, child.right_edge.i + 1)
        elif child.dep_ in ("compound", "appos") and child.i == right:
            right = child.right_edge.i + 1
    doc = tok.doc
    keys = keys_of(doc[left:right]) or {lemma_key(tok)}
    return Arg(tok.i, left, right, lemma_key(tok), frozenset(keys), tok.pos_ == "PRON")


def _subject(verb) -> tuple[Optional[object], Optional[object]]:
    """(logical subject, logical object) tokens of ``verb``."""
    subj = obj = None
    for child in verb.children:
        if child.dep_ in _SUBJ and subj is None:
            subj = child
        elif child.dep_ == "nsubjpass" and obj is None:
            obj = child
        elif child.dep_ in _OBJ and obj is None:
            obj = child
        elif child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    subj = g
    if subj is None:
        # "... and denied it", "wants to leave": borrow the governing verb's subject
        gov = verb
        hops = 0
        while subj is None and gov.dep_ in ("conj", "xcomp", "advcl") and gov.head.i != gov.i and hops < 3:
            gov = gov.head
            hops += 1
            for child in gov.children:
                if child.dep_ in _SUBJ:
                    subj = child
                    break
    return subj, obj


def predicates(tokens) -> list[Predicate]:
    out = []
    toks = list(tokens)
    if not toks:
        return out
    lo, hi = toks[0].i, toks[-1].i + 1
    for tok in toks:
        if tok.pos_ != "VERB":
            continue
        subj, obj = _subject(tok)
        if subj is not None and not (lo <= subj.i < hi):
            subj = None
        if obj is not None and not (lo <= obj.i < hi):
            obj = None
        s_arg = _arg(subj) if subj is not None else None
        o_arg = _arg(obj) if obj is not None else None
        start = min([tok.i] + [a.start for a in (s_arg, o_arg) if a is not None])
        end = max([tok.i + 1] + [a.end for a in (s_arg, o_arg) if a is not None])
        out.append(Predicate(tok.i, lemma_key(tok), is_negated(tok), s_arg, o_arg, start, end))
    return out
