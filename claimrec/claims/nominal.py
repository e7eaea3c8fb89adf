"""Nominal cues: "X's claim that Y", "the claim by X that Y".

When such a noun is itself the object of a cue ("Meta denied a claim by the
government that ...") two claims come out, the inner one embedded in the outer.
"""

from __future__ import annotations

from typing import Optional

from claimrec.claims.candidate import Candidate
from claimrec.claims.cues import CueHit
from claimrec.claims.spans import clean_content, quote_type, tok_chars
from claimrec.claims.speaker_info import describe_speaker
from claimrec.claims.speakers import mention_bounds
from claimrec.text.document import AnnotatedDoc
from claimrec.text.lookups import CueTables


def _nominal_parts(noun):
    """(that-clause, source token) of a nominal cue, either possibly None."""
    clause = None
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl", "appos") and c.i > noun.i and \
                any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            clause = c
            break
    source = None
    for c in noun.children:
        # "a New York Times report that ...": a named source modifying the noun
        if c.dep_ == "compound" and c.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") and source is None:
            source = c
        if c.dep_ == "poss":
            source = c
        elif c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > noun.i:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                source = obj
    return clause, source


def embedded_claims(index: AnnotatedDoc, obj, parent: Candidate, lex: CueTables) -> list[Candidate]:
    """The claim named by a cue's object: 'denied a claim by X that Y' -> X claimed Y."""
    if obj.pos_ != "NOUN" or obj.lemma_.lower() not in lex.nominal:
        return []
    clause, source = _nominal_parts(obj)
    if clause is None:
        return []
    return _nominal_claim(index, obj, clause, source, lex, parent)


def _nominal_claim(index: AnnotatedDoc, noun, clause, source, lex: CueTables,
                   parent: Optional[Candidate]) -> list[Candidate]:
    doc = index.doc
    speaker = None
    if source is not None:
        if source.pos_ == "PRON" and source.lower_ in ("its", "his", "her", "their"):
            # "its claim that": a possessive pronoun refers back like a subject pronoun
            speaker = describe_speaker(index, source, source.i, source.i, lex)
            if speaker is not None:
                speaker.needs_resolution = True
                speaker.kind = {"its": "unknown", "his": "person", "her": "person"}.get(source.lower_, "group")
        else:
            left, right = mention_bounds(source)
            if doc[right].tag_ == "POS":
                right -= 1
            speaker = describe_speaker(index, source, left, right, lex)
    s, e = tok_chars(doc, clause.left_edge.i, clause.right_edge.i)
    protect = (noun.idx, noun.idx + len(noun.text))
    content = clean_content(index, s, e, protect, anchor=noun.idx)
    if content is None:
        return []
    cls = lex.nominal.get(noun.lemma_.lower(), "neutral")
    cand = Candidate(
        content=content, sent=index.tok_sent[noun.i], how="nominal", cue_tok=noun.i,
        cue_span=(noun.idx, noun.idx + len(noun.text)), cue_text=noun.text,
        cue_lemma=noun.lemma_.lower(), cue_cls=cls, speaker=speaker, content_head=clause.i,
        confidence=0.7 if speaker is not None else 0.45, parent=parent,
    )
    cand.quote = quote_type(index, *content)
    return [cand]


def nominal_claims(index: AnnotatedDoc, hit: CueHit, lex: CueTables) -> list[Candidate]:
    """'X's claim that Y' standing on its own (not the object of a cue verb)."""
    doc = index.doc
    noun = doc[hit.tok]
    clause, source = _nominal_parts(noun)
    if clause is None or source is None:
        return []
    return _nominal_claim(index, noun, clause, source, lex, None)
