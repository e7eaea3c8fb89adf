"""Source-marking phrases: "Y, according to X", "In the words of X, Y"."""

from __future__ import annotations

from claimrec.claims.candidate import Candidate
from claimrec.claims.cues import CueHit
from claimrec.claims.spans import clean_content, quote_type, tok_chars
from claimrec.claims.speaker_info import describe_speaker
from claimrec.claims.speakers import mention_bounds
from claimrec.text.document import AnnotatedDoc
from claimrec.text.lookups import CueTables


def according_claims(index: AnnotatedDoc, hit: CueHit, lex: CueTables) -> list[Candidate]:
    """'Y, according to X' / 'According to X, Y' / 'in the words of X, Y': the
    source is the phrase's object, the rest of the sentence the content."""
    doc = index.doc
    first = doc[hit.tok]
    last = doc[hit.end_tok if hit.end_tok is not None else hit.tok]
    obj = next((c for c in last.children if c.dep_ == "pobj"), None)
    if obj is None:
        obj = next((c for c in first.children if c.dep_ == "pobj"), None)
    name = _name_run(doc, last.i + 1)
    if (obj is None or obj.pos_ == "VERB") and name is not None:
        # "According to Rathbun the property ...": a name the parser did not read as one
        obj = doc[name[1]]
    elif obj is None and last.i + 1 < len(doc) and doc[last.i + 1].pos_ in ("DET", "PROPN", "NOUN", "PRON"):
        # parsed flat: take the noun phrase right after the phrase
        nxt = doc[last.i + 1]
        obj = nxt if nxt.pos_ != "DET" else nxt.head
    if obj is None or obj.i <= last.i:
        return []
    left, right = mention_bounds(obj)
    if name is not None and name[0] <= obj.i <= name[1] and right > name[1] \
            and doc[name[1] + 1].pos_ == "DET" and not _comma_between(doc, last.i, name[1]):
        right = name[1]  # no comma after the name: the content starts at the determiner
    s_start, s_end = line_bounds(index, first.i)
    lead = [t for t in doc[s_start:first.i] if not (t.is_punct or t.is_space or t.dep_ == "cc")]
    if not lead and right >= _last_word(doc, s_start, s_end):
        # "According to X, the move reeks of fear": the parser hung the whole clause on the
        # name as an appositive, and the mention would leave nothing to say; the clause
        # starts after the mention's last comma
        commas = [k for k in range(obj.i + 1, right + 1) if doc[k].text == ","]
        if commas:
            right = commas[-1] - 1
    speaker = describe_speaker(index, obj, max(left, last.i + 1), right, lex)
    phrase_end = max(right, last.i)
    tail = [t for t in doc[phrase_end + 1:s_end] if not (t.is_punct or t.is_space)]
    root = doc[s_start].sent.root
    root_after = phrase_end < root.i < s_end
    subjects = [c.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN", "PRON")]
    if lead and tail and root_after and subjects and all(s_start <= i < first.i for i in subjects):
        # "Y, according to X, is Z": the phrase interrupts the clause, which is the content
        a, b = s_start, s_end - 1
    elif lead and not (tail and root_after):
        a, b = s_start, first.i - 1
    else:
        # "According to X, Y" (after whatever odd words open the line)
        a, b = phrase_end + 1, s_end - 1
    if a > b:
        return []
    s, e = tok_chars(doc, a, b)
    protect = (first.idx, doc[phrase_end].idx + len(doc[phrase_end].text))
    if a < first.i < b:
        protect = None  # the content holds the phrase itself
    content = clean_content(index, s, e, protect, anchor=first.idx)
    if content is None:
        return []
    cue_end = last.idx + len(last.text)
    cand = Candidate(
        content=content, sent=index.tok_sent[first.i], how="according", cue_tok=first.i,
        cue_span=(first.idx, cue_end), cue_text=index.text[first.idx:cue_end],
        cue_lemma=hit.lemma, cue_cls=hit.cls, speaker=speaker, confidence=0.8,
    )
    cand.quote = quote_type(index, *content)
    return [cand]


def _name_run(doc, i: int):
    """Token range of a run of capitalised words starting at ``i`` (a name), or None."""
    j = i
    while j < len(doc) and doc[j].text[:1].isupper() and doc[j].pos_ not in ("DET", "PRON", "ADP") \
            and not doc[j].is_sent_start:
        j += 1
    return (i, j - 1) if j > i and j < len(doc) else None


def _last_word(doc, start: int, end: int) -> int:
    """Index of the last token of ``start:end`` that is neither punctuation nor space."""
    return next((k for k in range(end - 1, start - 1, -1) if not (doc[k].is_punct or doc[k].is_space)), start)


def _comma_between(doc, a: int, b: int) -> bool:
    return any(doc[k].text == "," for k in range(a + 1, b + 1))


def line_bounds(index: AnnotatedDoc, i: int) -> tuple[int, int]:
    """Token bounds of the sentence holding token ``i``, cut at line breaks."""
    doc = index.doc
    s_start, s_end = index.sent_bounds[index.tok_sent[i]]
    for j in range(i - 1, s_start - 1, -1):
        if "\n" in doc[j].text or "\n" in doc[j].whitespace_:
            s_start = j + 1
            break
    for j in range(i, s_end):
        if "\n" in doc[j].text or "\n" in doc[j].whitespace_:
            s_end = j + 1
            break
    return s_start, s_end
