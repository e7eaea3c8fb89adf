"""Negation: the one test of whether a predicate is negated.

A predicate is negated when one of its own dependents says so: a ``neg``
child ("did not issue"), a negating adverb ("never told"), a negative
subject or object ("nobody questioned", "paid nothing"), or a "no" determiner on its
subject, object or attribute ("issued no statement", "there is no deal").
A clause also counts as negated when it opens with a negated clause it
coordinates with: "we did not issue a joint statement - instead, they
released their own" is parsed with "released" as head. An answering "No."
or "No," negates nothing, whatever the parse attached it to, nor does the "not" of "could not be
happier".
"""

from __future__ import annotations

from functools import lru_cache

from claimrec.text.lexicon import lexicon

_ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "attr", "pobj")


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset, frozenset]:
    lex = lexicon()
    return frozenset(lex.words.negators), frozenset(lex.speakers.no_one) | {"no one", "none"}


def is_negated(tok) -> bool:
    """``tok``'s predicate is negated by one of its own dependents."""
    if tok is None:
        return False
    negators, no_one = _words()
    for child in tok.children:
        dep = child.dep_
        if dep == "neg" and not _bounds_quantity(child) and not _answer(child) and not _emphatic(tok):
            return True
        if dep in ("advmod", "preconj") and child.lower_ in negators and not _bounds_quantity(child) \
                and not _answer(child):
            return True
        if dep in ("nsubj", "nsubjpass", "dobj") and child.lower_ in no_one:
            return True  # "nobody questioned it", "he paid nothing in federal taxes"
        if dep in _ARG_DEPS and any(_negative_determiner(g) for g in child.children):
            return True
    return False


def _emphatic(head) -> bool:
    """"could not be happier", "couldn't have been more proud", "couldn't agree more": a
    negated "can" over a comparative says the most, not the opposite."""
    if not any(c.tag_ == "MD" and c.lemma_.lower() in ("can", "could") for c in head.children):
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "more" for c in head.children):
        return True  # "couldn't agree more"
    # "could not be happier": a comparative said of the subject ("could not rise further" is a limit)
    return head.lemma_ == "be" and any(
        c.dep_ in ("acomp", "attr") and (c.tag_ in ("JJR", "RBR") or any(g.lower_ == "more" for g in c.children))
        for c in head.children)


def _answer(tok) -> bool:
    """A "No." or "No," answering a question: an interjection, whatever the parse made of it,
    not a negation of the clause it was attached to."""
    if tok.lower_ != "no":
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or (nxt.is_punct and nxt.text in _ANSWER_PUNCT)


_ANSWER_PUNCT = frozenset({".", ",", "!", "?", ";", ":", "-", "\u2013", "\u2014", "..."})


def _bounds_quantity(tok) -> bool:
    """"no more than 44", "no fewer than": a bound on a quantity, not a negation."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.tag_ in ("JJR", "RBR")


def _negative_determiner(tok) -> bool:
    """A "no" that negates ("no statement"), not one that bounds a quantity."""
    return tok.dep_ == "det" and tok.lower_ == "no" and not _bounds_quantity(tok)


def clause_negated(head) -> bool:
    """``head`` is negated, or the content opens with a negated clause coordinated with it."""
    if head is None:
        return False
    if is_negated(head):
        return True
    return any(child.dep_ in ("ccomp", "parataxis", "conj") and is_negated(child) for child in head.lefts)


def negation_tokens(tokens) -> list:
    """The tokens of ``tokens`` that negate something (for evidence and diffs)."""
    negators, no_one = _words()
    out = []
    for tok in tokens:
        if _answer(tok):
            continue
        if (tok.dep_ == "neg" or tok.lower_ in negators) and not _bounds_quantity(tok):
            out.append(tok)
        elif tok.lower_ in no_one:
            out.append(tok)
        elif _negative_determiner(tok):
            out.append(tok)
    return out
