"""Claims signed by a leading name and a colon.

Headlines ("Pence: Flowers won't be at debate") and transcripts ("WALLACE: Let's
start with ...") put the speaker first, then a colon, then what was said. A
paragraph (or a line opening a quoted transcript) that starts with a person
or organisation name, or a name in capitals, followed by a colon becomes one
claim: the name is the speaker, the colon the cue, the rest of the line the
content; in the first line (the headline) any capitalised noun will do.
Generic labels ("UPDATE:", "Editor's note:") are not speakers.
"""

from __future__ import annotations

import re

from claimrec.extract.candidate import Candidate
from claimrec.extract.spans import clean_content, quote_type
from claimrec.extract.speaker_info import describe_speaker
from claimrec.text.document import AnnotatedDoc
from claimrec.text.lookups import CueTables

_LABEL = re.compile(r"[^\S\n\"“'‘]*[\"“'‘]?([A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,3})[^\S\n]*:[^\S\n]+(?=\S)")
_NAME_ENTS = ("PERSON", "ORG", "NORP", "GPE")


def label_claims(index: AnnotatedDoc, lex: CueTables) -> list[Candidate]:
    text = index.text
    doc = index.doc
    out: list[Candidate] = []
    starts = index.para_starts
    for p, start in enumerate(starts):
        end = starts[p + 1] if p + 1 < len(starts) else len(text)
        m = _LABEL.match(text, start, end)
        if m is None:
            continue
        label = m.group(1)
        if label.lower().rstrip(".") in lex.not_speakers or any(ch.isdigit() for ch in label):
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        shouting = label.isupper() and sum(ch.isalpha() for ch in label) >= 2
        named = all(t.ent_type_ in _NAME_ENTS or t.pos_ == "PROPN" for t in span if not t.is_punct)
        # a headline ("Merkel: Europe must ...") may name its speaker with any capitalised word
        headline = p == 0 and all(t.pos_ in ("NOUN", "PROPN") and t.text[:1].isupper()
                                  for t in span if not t.is_punct)
        if not (shouting or named or headline):
            continue
        speaker = describe_speaker(index, span.root, span.start, span.end - 1, lex)
        content = clean_content(index, m.end(), end, protect=(m.start(1), m.end(1) + 1))
        if speaker is None or content is None:
            continue
        if shouting and speaker.kind == "unknown":
            speaker.kind = "person"
        colon = text.index(":", m.end(1))
        cand = Candidate(
            content=content, sent=index.tok_sent[span.start], how="label", cue_span=(colon, colon + 1),
            cue_text=":", cue_lemma=":", cue_cls="neutral", speaker=speaker, confidence=0.6,
        )
        cand.quote = quote_type(index, *content)
        out.append(cand)
    return out
