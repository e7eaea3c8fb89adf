"""Predicates and their participants, read off the dependency parse.

Who did what to whom, where and when: each verb (and each copula with a predicate
noun, "Carver was assistant to Gullit") with its logical subject and object and its
prepositional participants ("in Australia", "for Rayo Vallecano", "to the company").
Passive voice is normalised (the agent is the subject, the passive subject the
object); conjoined and controlled verbs inherit their subject. Each participant
carries what it needs to be compared across articles: its head word's key, its
content keys, and its name when it is a named entity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from claimrec.text.keys import keys_of, lemma_key
from claimrec.text.negation import is_negated

_SUBJ = ("nsubj", "csubj")
_OBJ = ("dobj", "dative")
_ARG_LEFT = ("compound", "amod", "poss", "nummod", "nmod", "quantmod")
# entity types that name a participant (people, organisations, places, groups, works, events)
NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
PLACES = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class Arg:
    head: int  # doc token index of the head word
    start: int
    end: int
    head_key: str
    keys: frozenset
    pronoun: bool
    ent: str = ""  # entity type of the head word, "" when none
    name: Optional[str] = None  # the name, when the participant is a named entity
    # a subject read from a governing verb ("vowed to fight"): an inference, not the parse's own
    borrowed: bool = False

    def text(self, doc) -> str:
        return doc[self.start:self.end].text

    @property
    def named(self) -> bool:
        return self.name is not None

    @property
    def place(self) -> bool:
        return self.ent in PLACES


@dataclass(frozen=True)
class Predicate:
    verb: int  # doc token index
    key: str
    negated: bool
    subj: Optional[Arg]
    obj: Optional[Arg]
    start: int  # extent used as evidence: subject .. object
    end: int
    preps: tuple[tuple[str, Arg], ...] = ()  # (preposition, its object), in text order
    # not stated as fact: under a modal ("should release"), an infinitive ("plans to
    # release"), a condition or comparison ("if he releases", "the sooner he releases")
    irrealis: bool = False
    # names in a preposition on the object ("scored 17 goals for Rayo Vallecano"): where the
    # parser hangs such a phrase varies between two wordings of one event, so a rewrite is
    # compared on them too; a party's position is not (who "signed a contract with" whom
    # turns on pronouns the verb's own roles resolve)
    object_preps: tuple[tuple[str, Arg], ...] = ()

    def all_preps(self) -> tuple[tuple[str, Arg], ...]:
        return self.preps + self.object_preps

    def arg_keys(self) -> set[str]:
        out: set[str] = set()
        for a in (self.subj, self.obj):
            if a is not None and not a.pronoun:
                out |= set(a.keys)
        return out

    def participants(self) -> list[Arg]:
        return [a for a in (self.subj, self.obj) if a is not None] + [a for _, a in self.all_preps()]


def describes_noun(tok) -> bool:
    """A name in front of a common noun describes that noun rather than naming a participant:
    "the Togo international", "a University student", "the Darwin woman". (The tagger calls
    some lower-case nouns proper; a lower-case word is no name.)"""
    head = tok.head
    common = head.pos_ == "NOUN" or head.pos_ in ("PROPN", "ADJ") and head.is_lower
    return tok.dep_ in ("compound", "amod", "nmod") and head.i > tok.i and common


def _name(tok) -> tuple[str, Optional[str]]:
    """(entity type, name) of a participant's head word (a capitalised common noun such as
    a sentence-initial "Comedian" is no name)."""
    doc = tok.doc
    if tok.ent_type_ in NAMED:
        a = tok.i
        while a > 0 and doc[a].ent_iob_ == "I":
            a -= 1
        b = tok.i
        while b + 1 < len(doc) and doc[b + 1].ent_iob_ == "I":
            b += 1
        return tok.ent_type_, doc[a:b + 1].text
    return "", None


def participant(tok, borrowed: bool = False) -> Arg:
    """The participant headed by ``tok``: its words, keys and name."""
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
    ent, name = _name(tok)
    return Arg(tok.i, left, right, lemma_key(tok), frozenset(keys), tok.pos_ == "PRON", ent, name, borrowed)


def _subject(verb) -> tuple[Optional[object], Optional[object], bool]:
    """(logical subject, logical object) tokens of ``verb``, and whether the subject was
    borrowed from a governing verb."""
    subj = obj = None
    borrowed = False
    has_read = _has_read_as_passive(verb)
    for child in verb.children:
        if child.dep_ in _SUBJ and subj is None:
            subj = child
        elif child.dep_ == "nsubjpass" and has_read and subj is None:
            subj = child
        elif child.dep_ == "nsubjpass" and obj is None:
            obj = child
        elif child.dep_ in _OBJ and obj is None:
            obj = child
        elif child.dep_ == "attr" and obj is None and verb.lemma_ == "be":
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
                    subj, borrowed = child, True
                    break
    return subj, obj, borrowed


def _has_read_as_passive(verb) -> bool:
    """"he's paid nothing": the parser reads the clitic "'s" of "has" as the passive "is";
    a verb with a passive "'s" and a direct object of its own is active."""
    return any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children) \
        and any(c.dep_ == "dobj" for c in verb.children)


def _preps(verb, obj, lo: int, hi: int) -> tuple[tuple[str, Arg], ...]:
    """Prepositional participants of the verb, and of a copula's predicate noun
    ("assistant to Ruud Gullit")."""
    heads = [verb] + ([obj] if obj is not None and verb.lemma_ == "be" else [])
    # the taxes of "paid nothing in federal taxes" are the object already
    return tuple(_prep_args(heads, lo, hi, lambda pobj: obj is None or pobj.i != obj.i))


def _object_preps(verb, obj, lo: int, hi: int) -> tuple[tuple[str, Arg], ...]:
    """Names in a preposition on a (non-copula) object: "17 goals for Rayo Vallecano"."""
    if obj is None or verb.lemma_ == "be":
        return ()
    return tuple(_prep_args([obj], lo, hi, lambda pobj: pobj.pos_ == "PROPN" and pobj.ent_type_ in NAMED))


def _prep_args(heads, lo: int, hi: int, keep) -> list[tuple[str, Arg]]:
    out = []
    for head in heads:
        for child in head.children:
            if child.dep_ != "prep" or not (lo <= child.i < hi):
                continue
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN", "NUM") and lo <= pobj.i < hi and keep(pobj):
                out.append((child.lower_, participant(pobj)))
    return out


_IRREALIS_MARKS = frozenset({"if", "unless", "whether", "sooner", "once", "until", "before"})


def _irrealis(verb) -> bool:
    for child in verb.children:
        if child.tag_ == "MD" or (child.dep_ == "aux" and child.lower_ == "to"):
            return True
        if child.dep_ in ("mark", "advmod") and child.lower_ in _IRREALIS_MARKS:
            return True
    return verb.tag_ == "VB" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children) and verb.dep_ != "ROOT"


_NONE = frozenset({"nothing", "none", "zero", "little"})
_NONE_OF = ("in", "of", "for", "about", "on")


def _quantified_object(obj):
    """"paid nothing in federal taxes": what was (not) paid is the taxes (the negation is the
    predicate's, see claimrec.text.negation)."""
    if obj is None or obj.lower_ not in _NONE:
        return obj
    # the phrase hangs on the quantifier or, as often, right after it on the verb
    after = [c for c in obj.head.children if c.i == obj.right_edge.i + 1]
    for child in list(obj.children) + after:
        if child.dep_ == "prep" and child.lower_ in _NONE_OF:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return obj


def _is_predicate(tok) -> bool:
    if tok.pos_ == "VERB":
        return True
    # a copula with a predicate noun: "Carver was assistant to ..."
    return tok.pos_ == "AUX" and tok.lemma_ == "be" and tok.dep_ in ("ROOT", "conj", "ccomp", "relcl") \
        and any(c.dep_ == "attr" for c in tok.children)


def predicates(tokens) -> list[Predicate]:
    out = []
    toks = list(tokens)
    if not toks:
        return out
    lo, hi = toks[0].i, toks[-1].i + 1
    for tok in toks:
        if not _is_predicate(tok):
            continue
        subj, obj, borrowed = _subject(tok)
        if subj is not None and not (lo <= subj.i < hi):
            subj = None
        if obj is not None and not (lo <= obj.i < hi):
            obj = None
        obj = _quantified_object(obj)
        s_arg = participant(subj, borrowed) if subj is not None else None
        o_arg = participant(obj) if obj is not None else None
        start = min([tok.i] + [a.start for a in (s_arg, o_arg) if a is not None])
        end = max([tok.i + 1] + [a.end for a in (s_arg, o_arg) if a is not None])
        out.append(Predicate(tok.i, lemma_key(tok), is_negated(tok), s_arg, o_arg, start, end,
                             _preps(tok, obj, lo, hi), _irrealis(tok), _object_preps(tok, obj, lo, hi)))
    return out
