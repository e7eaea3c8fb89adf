"""Claims signed by a leading name and a colon, and the transcript turns they open.

Headlines ("Pence: Flowers won't be at debate") and transcripts ("WALLACE: Let's
start with ...", "BRYAN WHITMAN (Pentagon spokesman): Good morning") put the speaker
first, then a colon, then what was said. A paragraph (or a line opening a quoted
transcript) that starts with a person or organisation name, or a name in capitals
(with an optional parenthesised role), followed by a colon becomes one claim: the
label is the speaker, the colon the cue, the rest of the line the content; in the
first line (the headline) any capitalised noun will do. Generic labels ("UPDATE:",
"Editor's note:", "Presenters:") are not speakers, and a place name in capitals is a
dateline ("NEW DELHI: India on Monday ..."), not a speaker.

A capitals label opens a turn: the paragraphs after it, up to the next label of any
kind ("Q:", another speaker), are the same speaker's, one claim per paragraph with
the label as speaker and no cue. Inside a turn, "I" is the turn's speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimrec.claims.candidate import Candidate, SpeakerInfo
from claimrec.claims.spans import clean_content, quote_type
from claimrec.claims.speaker_info import describe_speaker
from claimrec.text.document import AnnotatedDoc
from claimrec.text.lookups import CueTables, parties

_WORD = r"[A-Z][\w.'’-]*"
# NAME, optionally "(role)", then a colon and text on the same line
_LABEL = re.compile(
    r"[^\S\n\"“'‘]*[\"“'‘]?"
    rf"({_WORD}(?:[^\S\n]+{_WORD}){{0,7}}(?:[^\S\n]*\([^()\n]{{1,100}}\))?)"
    r"[^\S\n]*:[^\S\n]+(?=\S)")
_ROLE = re.compile(r"[^\S\n]*\([^()\n]*\)$")
_MAX_MIXED_CASE_WORDS = 4
_NAME_ENTS = ("PERSON", "ORG", "NORP", "GPE")
_PLACE_ENTS = ("GPE", "LOC", "FAC")


@dataclass(frozen=True)
class _Label:
    para: int
    start: int  # the label's characters
    end: int
    colon: int
    text_start: int  # where what was said begins
    shouting: bool


def _labels(index: AnnotatedDoc, lex: CueTables) -> list[tuple[_Label, bool]]:
    """Every paragraph-opening "NAME:" label, with whether it names a speaker."""
    text = index.text
    doc = index.doc
    out: list[tuple[_Label, bool]] = []
    starts = index.para_starts
    for p, start in enumerate(starts):
        end = starts[p + 1] if p + 1 < len(starts) else len(text)
        m = _LABEL.match(text, start, end)
        if m is None:
            continue
        label = m.group(1)
        name = _ROLE.sub("", label)
        words = name.split()
        shouting = name.isupper() and sum(ch.isalpha() for ch in name) >= 2
        colon = text.index(":", m.end(1))
        found = _Label(p, m.start(1), m.end(1), colon, m.end(), shouting)
        ok = True
        if name.lower().rstrip(".") in lex.not_speakers or any(ch.isdigit() for ch in name):
            ok = False
        elif not shouting and len(words) > _MAX_MIXED_CASE_WORDS:
            ok = False
        else:
            span = doc.char_span(m.start(1), m.start(1) + len(name), alignment_mode="expand")
            if span is None or len(span) == 0:
                ok = False
            elif shouting and _is_place(span, name):
                ok = False
            elif not shouting:
                named = all(t.ent_type_ in _NAME_ENTS or t.pos_ == "PROPN" for t in span if not t.is_punct)
                # a headline ("Merkel: Europe must ...") may name its speaker with any capitalised word
                headline = p == 0 and all(t.pos_ in ("NOUN", "PROPN") and t.text[:1].isupper()
                                          for t in span if not t.is_punct)
                ok = named or headline
        out.append((found, ok))
    return out


def _is_place(span, name: str) -> bool:
    """A dateline in capitals ("NEW DELHI:", "WASHINGTON:"): a country, a capital or a
    place entity, not a speaker."""
    if parties().country(name.title()) is not None:
        return True
    words = [t for t in span if not t.is_punct]
    return bool(words) and all(t.ent_type_ in _PLACE_ENTS for t in words)


def _spoken(index: AnnotatedDoc, lab: _Label, lex: CueTables) -> bool:
    """The label's paragraph or the next one talks like a speaker ("I", "we", "you", "thank
    you, everyone" outside quotes): a briefing turn, not a caption ("FILE PHOTO: A worker
    walks ...")."""
    doc = index.doc
    starts = index.para_starts
    end = starts[lab.para + 2] if lab.para + 2 < len(starts) else len(index.text)
    span = doc.char_span(lab.text_start, end, alignment_mode="expand")
    return span is not None and any(t.lower_ in lex.spoken_words and index.tok_quote[t.i] < 0 for t in span)


def _speaker(index: AnnotatedDoc, lab: _Label, lex: CueTables):
    doc = index.doc
    span = doc.char_span(lab.start, lab.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    name_end = lab.start + len(_ROLE.sub("", index.text[lab.start:lab.end]))
    name = doc.char_span(lab.start, name_end, alignment_mode="expand") or span
    speaker = describe_speaker(index, name.root, span.start, span.end - 1, lex)
    if speaker is None:
        return None
    # the label's own characters, whatever the tokeniser glued to them ("):")
    speaker.start, speaker.end = lab.start, lab.end
    speaker.text = index.text[lab.start:lab.end]
    if lab.shouting and speaker.kind == "unknown":
        speaker.kind = "person"
    return speaker


def label_claims(index: AnnotatedDoc, lex: CueTables) -> list[Candidate]:
    text = index.text
    starts = index.para_starts
    out: list[Candidate] = []
    turn = None  # (label, speaker) of the transcript turn under way
    labels = {lab.para: (lab, ok) for lab, ok in _labels(index, lex)}
    # a transcript has several capitals labels, or its one label opens spoken words ("Thank
    # you ...", "we will ..."); a lone caption label ("FILE PHOTO: A worker ...") opens no turn
    transcript = sum(1 for lab, ok in labels.values() if ok and lab.shouting) >= 2
    for p, start in enumerate(starts):
        end = starts[p + 1] if p + 1 < len(starts) else len(text)
        if p in labels:
            lab, ok = labels[p]
            turn = None
            speaker = _speaker(index, lab, lex) if ok else None
            if speaker is None:
                continue
            content = clean_content(index, lab.text_start, end, protect=(lab.start, lab.colon + 1))
            if content is None:
                continue
            cand = Candidate(
                content=content, sent=index.tok_sent[speaker.head], how="label",
                cue_span=(lab.colon, lab.colon + 1), cue_text=":", cue_lemma=":", cue_cls="neutral",
                speaker=speaker, confidence=0.6,
            )
            cand.quote = quote_type(index, *content)
            out.append(cand)
            if lab.shouting and (transcript or _spoken(index, lab, lex)):
                turn = (lab, speaker)
            continue
        if turn is None:
            continue
        content = _paragraph(text, start, end)
        if content is None:
            continue
        speaker = _copy(turn[1])
        cand = Candidate(content=content, sent=_sent_at(index, content[0]), how="turn",
                         speaker=speaker, confidence=0.55)
        cand.quote = quote_type(index, *content)
        out.append(cand)
    return out


def _paragraph(text: str, start: int, end: int):
    """A turn paragraph as it stands (no widening over a quote the whole transcript may
    sit in); a stage direction alone in brackets ("(CROSSTALK)") is nobody's words."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    inner = text[start:end].strip("\"“”'‘’ ")
    if not any(ch.isalpha() for ch in inner) or (inner[:1] in "([" and inner[-1:] in ")]"):
        return None
    return start, end


def _sent_at(index: AnnotatedDoc, char: int) -> int:
    span = index.doc.char_span(char, char + 1, alignment_mode="expand")
    return index.tok_sent[span[0].i] if span is not None and len(span) else 0


def _copy(info: SpeakerInfo) -> SpeakerInfo:
    from copy import copy

    return copy(info)


def first_person_in_turns(index: AnnotatedDoc, turns: list[Candidate], cands: list[Candidate]) -> None:
    """'I' as the speaker of a claim inside a transcript turn is the turn's speaker (in place)."""
    spans = [(t.start, t.end, t.speaker) for t in turns if t.how in ("label", "turn") and t.speaker]
    if not spans:
        return
    doc = index.doc
    for c in cands:
        sp = c.speaker
        if sp is None or c.how in ("label", "turn") or c.cue_span is None:
            continue
        if doc[sp.head].lower_ not in ("i", "me"):
            continue
        for s, e, owner in spans:
            if s <= c.cue_span[0] < e:
                sp.resolved_from = sp.text
                sp.text = owner.name or owner.text
                sp.name, sp.title, sp.affiliation = owner.name, owner.title, owner.affiliation
                sp.kind = owner.kind
                break
