"""Reporting cues: which tokens introduce a claim, and of what class.

A verb is a cue when its lemma is in the lexicon (``say``, ``deny``, ``accuse``,
...) or it forms a listed phrasal verb with its particle (``point out``); a
noun when it is a listed nominal cue (``claim``, ``allegation``); the phrase
source-marking phrases ("according to", "in the words of") are cues of their own. Cues inside direct quotes belong to the
quoted speaker's own reporting and are not attributions in the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from claimrec.text.arrays import indices_where_any
from claimrec.text.document import AnnotatedDoc
from claimrec.text.lookups import CueTables, VerbCue

_DEFAULT_FRAMES = frozenset({"clause", "quote", "object"})
# participles used as adjectives ("the alleged bribe", "content deemed illegal")
_NON_CLAUSAL = ("amod", "compound")


@dataclass(frozen=True)
class CueHit:
    tok: int
    kind: str  # verb | according (a source-marking phrase) | nominal
    lemma: str
    cls: str
    frames: frozenset
    particle: Optional[int] = None
    end_tok: Optional[int] = None  # last token of a multi-word cue


_SUFFIXES = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""))


def _lookup(tok, lex: CueTables) -> Optional[VerbCue]:
    """The lexicon entry for a verb, forgiving lemmatiser slips ("hoping" -> "hop")."""
    cue = lex.verbs.get(tok.lemma_.lower())
    if cue is not None:
        return cue
    lower = tok.lower_
    for suffix, repl in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            cue = lex.verbs.get(lower[: -len(suffix)] + repl)
            if cue is not None:
                return cue
    return None


def verb_cue(tok, lex: CueTables) -> Optional[VerbCue]:
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ == "prt":
            cls = lex.phrasal.get((lemma, child.lower_))
            if cls is not None:
                base = lex.verbs.get(lemma)
                frames = base.frames | _DEFAULT_FRAMES if base else _DEFAULT_FRAMES
                return VerbCue(f"{lemma} {child.lower_}", cls, frames)
    return _lookup(tok, lex)


def _phrase_at(doc, i: int, phrases: dict[str, list[tuple[str, ...]]]) -> Optional[tuple[str, ...]]:
    """The longest source-marking phrase ("according to") starting at token ``i``."""
    best = None
    for words in phrases.get(doc[i].lower_, ()):
        end = i + len(words)
        if end <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words)):
            if best is None or len(words) > len(best):
                best = words
    return best


def _cue_candidates(doc, phrases: dict) -> list[int]:
    """Tokens that can be cues, in order: the first words of source-marking phrases, verbs
    and nouns (found as arrays: most tokens are none of these)."""
    return indices_where_any(doc, {"LOWER": phrases, "POS": ("VERB", "AUX", "NOUN")})


def find_cues(index: AnnotatedDoc, lex: CueTables) -> Iterator[CueHit]:
    doc = index.doc
    phrases = lex.prepositional_index
    for i in _cue_candidates(doc, phrases):
        tok = doc[i]
        if index.tok_quote[i] >= 0:
            continue
        if tok.lower_ in phrases:
            words = _phrase_at(doc, i, phrases)
            if words is not None:
                phrase = " ".join(words)
                yield CueHit(i, "according", phrase, lex.prepositional[phrase], frozenset(),
                             end_tok=i + len(words) - 1)
                continue
        pos = tok.pos_
        if pos in ("VERB", "AUX"):
            if tok.dep_ in _NON_CLAUSAL:
                continue
            cue = verb_cue(tok, lex)
            if cue is None:
                continue
            particle = next((c.i for c in tok.children if c.dep_ == "prt"), None) if " " in cue.lemma else None
            yield CueHit(i, "verb", cue.lemma, cue.cls, cue.frames, particle=particle)
        elif pos == "NOUN":
            cls = lex.nominal.get(tok.lemma_.lower())
            if cls is not None:
                yield CueHit(i, "nominal", tok.lemma_.lower(), cls, frozenset({"clause"}))
