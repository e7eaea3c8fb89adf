"""Pronoun and definite-description speakers resolved to an earlier actor.

"He added ..." takes the nearest earlier person who spoke (or was named);
"the company" / "it" the nearest organisation; "the government" / "the
ministry" first an earlier mention with the same head noun, then the nearest
government. A pronoun inside a fronted phrase ("In what it called ..., the
government said") points forward to the subject of its own sentence. What the
mention said before resolution stays in ``resolved_from``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from claimrec.claims.candidate import Candidate, SpeakerInfo
from claimrec.claims.speaker_info import describe_speaker, mention_gender, speaker_kind
from claimrec.claims.speakers import mention_bounds
from claimrec.text.arrays import indices_where
from claimrec.text.document import AnnotatedDoc
from claimrec.text.lookups import CueTables
from claimrec.text.lookups import parties as party_tables

# How far back (in sentences) an antecedent may be.
_MAX_SENT_DISTANCE = 12


@dataclass
class _Mention:
    pos: int
    sent: int
    info: SpeakerInfo
    head_lemma: str
    is_speaker: bool
    subject: bool = False


def _entity_mentions(index: AnnotatedDoc, lex: CueTables) -> list[_Mention]:
    """Named people and organisations, and government-like noun phrases, in order."""
    doc = index.doc
    out: list[_Mention] = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        if index.tok_quote[ent.start] >= 0:
            continue
        head = ent.root
        if ent.label_ == "PERSON" and head.dep_ in ("compound", "amod") and head.head.i > head.i \
                and head.head.pos_ == "NOUN":
            continue  # "the Cruise video": a name modifying a noun names no actor
        info = SpeakerInfo(start=ent.start_char, end=ent.end_char, text=ent.text, head=head.i,
                           name=ent.text)
        info.kind, info.plural = speaker_kind(doc, head, lex, ent.label_)
        if ent.label_ == "NORP" and not info.plural:
            continue  # "Estonian", "Democratic": adjectives, not actors
        if info.kind == "person":
            info.gender = mention_gender(doc, head, max(0, ent.start - 3), ent.text, lex)
        out.append(_Mention(ent.start_char, index.tok_sent[ent.start], info, head.lemma_.lower(),
                            False, head.dep_ in ("nsubj", "nsubjpass")))
    for i in indices_where(doc, "POS", ["NOUN"]):  # only nouns can be government heads
        tok = doc[i]
        if tok.lemma_.lower() in lex.government_heads \
                and index.tok_quote[tok.i] < 0 and tok.dep_ not in ("compound",):
            left, right = mention_bounds(tok)
            if right - left > 6:
                right = tok.i
                left = max(left, tok.i - 3)
            info = describe_speaker(index, tok, left, right, lex)
            if info is None or info.needs_resolution:
                continue
            out.append(_Mention(info.start, index.tok_sent[tok.i], info, tok.lemma_.lower(),
                                False, tok.dep_ in ("nsubj", "nsubjpass")))
    out.sort(key=lambda m: m.pos)
    return out


def _key(info: SpeakerInfo) -> str:
    return (info.name or info.text).lower()


def _surname_genders(mentions: list[_Mention]) -> dict[str, str]:
    seen: dict[str, Optional[str]] = {}
    for m in mentions:
        words = (m.info.name or "").lower().split()
        if m.info.kind == "person" and m.info.gender and len(words) >= 2:
            last = words[-1]
            if seen.get(last, m.info.gender) != m.info.gender:
                seen[last] = None  # two people of one surname and different genders
            else:
                seen[last] = m.info.gender
    return {k: v for k, v in seen.items() if v}


def _compatible(target: str, plural: bool, m: _Mention, gender: Optional[str] = None,
                learned: Optional[dict] = None) -> bool:
    kind = m.info.kind
    if target == "person":
        if kind != "person" or m.info.plural:
            return False
        known = m.info.gender or (learned or {}).get(_key(m.info))
        return gender is None or known is None or known == gender
    if target == "thing":
        return kind in ("organisation", "government") and not m.info.plural
    if target == "plural":
        return m.info.plural or kind == "group"
    if target == "government":
        return kind == "government"
    if target == "organisation":
        return kind in ("organisation",)
    return False


def _target(info: SpeakerInfo, head, lex: CueTables) -> str:
    lower = head.lower_
    if head.pos_ == "PRON":
        if lower in lex.person_pronouns:
            return "person"
        if lower in lex.thing_pronouns:
            return "thing"
        return "plural"
    if info.kind == "government":
        return "government"
    if info.kind == "organisation":
        return "organisation"
    if info.kind == "person":
        return "person"
    if info.plural:
        return "plural"
    return "thing"


def _cataphora(index: AnnotatedDoc, head, lex: CueTables) -> Optional[SpeakerInfo]:
    """'In what it called ..., the government had touted': the main subject."""
    doc = index.doc
    s_start, s_end = index.sent_bounds[index.tok_sent[head.i]]
    root = doc[s_start].sent.root if s_end > s_start else None
    if root is None:
        return None
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i <= head.i or subj.pos_ == "PRON":
        return None
    # the pronoun must sit in a phrase fronted before the subject, not be it
    anc = head
    while anc.head.i != anc.i and anc.head.i != root.i:
        anc = anc.head
    if anc.i >= subj.i or anc.dep_ not in ("prep", "advcl", "npadvmod", "advmod"):
        return None
    left, right = mention_bounds(subj)
    return describe_speaker(index, subj, left, right, lex)


def resolve_speakers(index: AnnotatedDoc, candidates: list[Candidate], lex: CueTables) -> None:
    """Fill in who pronoun/description speakers are, in text order (in place)."""
    doc = index.doc
    mentions = _entity_mentions(index, lex)
    positions = [m.pos for m in mentions]
    speakers: list[_Mention] = []  # resolved speakers so far, in order
    # a person's gender, learned from the pronouns that refer to them and, for a surname
    # used alone ("Herman said"), from the full name given earlier ("Chelsea Herman")
    learned: dict[str, str] = _surname_genders(mentions)
    ordered = sorted((c for c in candidates if c.speaker is not None), key=lambda c: c.speaker.start)
    for cand in ordered:
        info = cand.speaker
        head = doc[info.head]
        if info.needs_resolution:
            antecedent = _cataphora(index, head, lex) if head.pos_ == "PRON" else None
            if antecedent is None:
                antecedent = _find_antecedent(index, info, head, lex, speakers, mentions, positions, learned)
            if antecedent is not None:
                # a full name only: a surname alone may be any of a family ("Clinton")
                if info.gender and antecedent.kind == "person" and not antecedent.gender \
                        and len(_key(antecedent).split()) >= 2:
                    learned.setdefault(_key(antecedent), info.gender)
                _apply(info, antecedent)
            else:
                cand.confidence = round(cand.confidence * 0.85, 3)
        speakers.append(_Mention(info.start, index.tok_sent[info.head], info,
                                 head.lemma_.lower(), True))


def _apply(info: SpeakerInfo, antecedent: SpeakerInfo) -> None:
    info.resolved_from = info.text
    info.text = antecedent.name or antecedent.text
    info.name = antecedent.name or antecedent.text
    info.title = info.title or antecedent.title
    info.affiliation = info.affiliation or antecedent.affiliation
    if antecedent.kind != "unknown":
        info.kind = antecedent.kind
    info.needs_resolution = False


@lru_cache(maxsize=1)
def _generic_heads() -> frozenset[str]:
    tables = party_tables()
    return tables.company_refs | tables.government_refs | tables.government_heads | tables.organ_words \
        | tables.legislature_heads | tables.country_nouns


def _aged_person(index: AnnotatedDoc, head, info: SpeakerInfo, mentions: list[_Mention],
                 positions: list[int]) -> Optional[SpeakerInfo]:
    """The person last named with the age a description gives ("Mary Jones, 45, ..."
    ... "the 45-year-old")."""
    doc = index.doc
    age = next((doc[i].text for i in range(head.i - 1, max(-1, head.i - 5), -1) if doc[i].like_num), None)
    if age is None:
        return None
    k = bisect_left(positions, info.start) - 1
    sent = index.tok_sent[head.i]
    while k >= 0 and sent - mentions[k].sent <= _MAX_SENT_DISTANCE:
        m = mentions[k]
        k -= 1
        if m.info.kind != "person":
            continue
        j = doc[m.info.head].i
        while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
            j += 1
        after = doc[j + 1:j + 3]
        if len(after) == 2 and after[0].text == "," and after[1].text == age:
            return m.info
    return None


def _find_antecedent(index: AnnotatedDoc, info: SpeakerInfo, head, lex: CueTables,
                     speakers: list[_Mention], mentions: list[_Mention],
                     positions: list[int], learned: Optional[dict] = None) -> Optional[SpeakerInfo]:
    target = _target(info, head, lex)
    gender = info.gender
    sent = index.tok_sent[head.i]
    head_lemma = head.lemma_.lower()
    is_description = head.pos_ != "PRON"

    # the latest speaker and the latest named mention before this one
    def recent_speakers():
        for m in reversed(speakers):
            if m.pos < info.start and sent - m.sent <= _MAX_SENT_DISTANCE:
                yield m

    def recent_mentions():
        k = bisect_left(positions, info.start) - 1
        while k >= 0:
            m = mentions[k]
            if sent - m.sent > _MAX_SENT_DISTANCE:
                break
            if m.pos + len(m.info.text) <= info.start:
                yield m
            k -= 1

    if is_description:
        for source in (recent_speakers(), recent_mentions()):
            for m in source:
                if m.info.needs_resolution or (m.info.name or m.info.text).lower() == info.text.lower():
                    continue
                # "the company" after "the company"; "the minister" after "Environment Minister X"
                titled = target == "person" and m.info.kind == "person" and m.info.title \
                    and head_lemma in m.info.title.lower().replace(".", "").split()
                if (m.head_lemma == head_lemma or titled) and (
                        target != "person" or _compatible(target, info.plural, m, gender, learned)):
                    return m.info
        if head.lower_ == "old":
            aged = _aged_person(index, head, info, mentions, positions)
            if aged is not None:
                return aged  # "the 45-year-old" after "Mary Jones, 45,"
        if target == "person" and head.lower_ == "old":
            pass  # "the 45-year-old": the last person named
        elif head_lemma not in _generic_heads():
            # "the clinic" is the clinic, whoever spoke last: only a word that can stand for
            # any actor of its kind ("the company", "the government") refers back by kind
            return None
    doc = index.doc

    def best(candidates):
        # "I" / "we" (the writer, an unresolved first person) is nobody's "he" or "the company"
        return next((m for m in candidates if _compatible(target, info.plural, m, gender, learned)
                     and not m.info.needs_resolution and doc[m.info.head].lower_ not in lex.first_person),
                    None)

    best_speaker = best(recent_speakers())
    best_mention = best(recent_mentions())
    if is_description and best_mention is not None and not best_mention.subject \
            and index.doc[best_mention.info.head].dep_ == "pobj":
        # "In an interview with CBC News, ... The company said": an actor named only in a
        # prepositional phrase is not what "the company" looks back to
        best_mention = None
    if best_speaker and best_mention:
        # a speaker wins unless a compatible actor was the subject of a later sentence
        if best_mention.sent > best_speaker.sent and best_mention.subject \
                and (not is_description or target == "person"):
            return best_mention.info
        return best_speaker.info
    chosen = best_speaker or best_mention
    return chosen.info if chosen else None
