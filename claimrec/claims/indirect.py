"""Claims introduced by a reporting verb, read off the parse around it.

The verb's lexicon frames say where its content may be (``frames``); the
first frame that finds one wins: a clausal complement, a parenthetical, an
object or a name given, an infinitive, a prepositional object, or what
follows a colon. The speaker comes from ``speakers``; an object that is
itself a nominal claim ("denied a claim by X that Y") adds an embedded claim.
"""

from __future__ import annotations

from typing import Optional

from claimrec.claims.candidate import Candidate
from claimrec.claims.cues import CueHit
from claimrec.claims.frames import (
    clause_content,
    colon_content,
    evidence_object,
    infinitive_content,
    naming_content,
    object_content,
    parenthetical_content,
    passive_object,
    prep_content,
    trim_nonrestrictive,
)
from claimrec.claims.nominal import embedded_claims
from claimrec.claims.spans import clean_content, quote_coverage, quote_type, tok_chars
from claimrec.claims.speakers import find_speaker, sourceless
from claimrec.text.document import AnnotatedDoc
from claimrec.text.lookups import CueTables
from claimrec.text.negation import is_negated

# subordinate contexts where a reporting verb does not report ("if he says", "to say")
_SKIP_MARKS = ("if", "unless", "whether")


def cue_span(doc, hit: CueHit) -> tuple[int, int, str]:
    tok = doc[hit.tok]
    last = hit.end_tok if hit.end_tok is not None else hit.tok
    if hit.particle is not None and hit.particle == last + 1:
        last = hit.particle
    s, e = tok_chars(doc, hit.tok, last)
    text = doc[hit.tok:last + 1].text
    if hit.particle is not None and hit.particle != last:
        text = f"{tok.text} {doc[hit.particle].text}"
    return s, e, text


def _protect(doc, cue_tok, speaker) -> tuple[int, int]:
    lo = cue_tok.idx
    hi = cue_tok.idx + len(cue_tok.text)
    if speaker is not None:
        lo, hi = min(lo, speaker.start), max(hi, speaker.end)
    return lo, hi


def _quote_before_cue(index: AnnotatedDoc, tok):
    """The quote that closes right before the cue ('"...," said X'), or None."""
    return _quote_closing_at(index, tok.idx)


def _quote_closing_at(index: AnnotatedDoc, i: int):
    """The quote that closes right before character ``i``, but for a comma or dash, or None."""
    text = index.text
    while i > 0 and (text[i - 1] in " \t" or text[i - 1] in ",—–"):
        i -= 1
    k = index.quote_at(i - 1) if i > 0 else -1
    if k < 0 or index.quotes[k].end != i:
        return None
    return index.quotes[k]


def _reports(tok, lex: CueTables) -> bool:
    """``tok`` is a reporting verb with a subject of its own ("DuVernay said")."""
    return tok.lemma_.lower() in lex.verbs and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _skip_verb(tok) -> bool:
    # "to say", "if he says", questions, imperatives without subject, gerund modifiers
    if any(c.dep_ == "mark" and c.lower_ in _SKIP_MARKS for c in tok.children):
        return True
    if tok.dep_ in ("acl", "amod") and tok.tag_ in ("VBN",):
        return True
    # "..., compared to 11% of ...": a bare participle before to/with is a preposition
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.tag_ == "VBN" and nxt is not None and nxt.lower_ in ("to", "with") and nxt.pos_ == "ADP" \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return True
    # imperatives address the reader ("Don't expect ...", "ask yourself ...")
    if tok.tag_ == "VB" and (tok.dep_ == "ROOT" or (tok.dep_ == "conj" and tok.head.dep_ == "ROOT"
                                                     and tok.head.tag_ == "VB")) \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children):
        return True
    return False


def _make(index: AnnotatedDoc, hit: CueHit, lex: CueTables, how: str, content: tuple[int, int],
          content_head: Optional[int], speaker, conf: float) -> Candidate:
    doc = index.doc
    s, e, text = cue_span(doc, hit)
    tok = doc[hit.tok]
    cand = Candidate(
        content=content, sent=index.tok_sent[hit.tok], how=how, cue_tok=hit.tok, cue_span=(s, e),
        cue_text=text, cue_lemma=hit.lemma, cue_cls=hit.cls, cue_negated=is_negated(tok),
        speaker=speaker, content_head=content_head, confidence=conf,
    )
    cand.quote = quote_type(index, *content)
    for k in quote_coverage(index, *content)[1]:
        if not index.quotes[k].balanced:
            cand.balanced = False
            cand.confidence = round(cand.confidence * 0.7, 3)
            break
    if speaker is None:
        cand.confidence = round(cand.confidence * 0.6, 3)
    return cand


def verb_claims(index: AnnotatedDoc, hit: CueHit, lex: CueTables) -> list[Candidate]:
    """Claims introduced by one verb cue (none when the cue takes no content)."""
    doc = index.doc
    tok = doc[hit.tok]
    if _skip_verb(tok) or sourceless(index, tok, lex):
        return []
    frames = hit.frames
    found = None
    how = ""
    conf = 0.85
    if "clause" in frames or "quote" in frames or "need_clause" in frames:
        found = clause_content(index, tok, lex)
        how = "clause"
        if found is None and "need_clause" not in frames:
            found = parenthetical_content(index, tok)
            how = "parenthetical"
            conf = 0.75
        if found is None:
            found = evidence_object(tok, hit, lex)
            how, conf = "evidence", 0.7
    if found is None and "need_clause" not in frames:
        if "naming" in frames:
            found = naming_content(tok)
            how, conf = "object", 0.65
        # "urged Congress to leave the program": the infinitive, not the addressee
        if found is None and "infinitive" in frames:
            found = infinitive_content(tok)
            how, conf = "infinitive", 0.65
        if found is None and "object" in frames:
            found = passive_object(tok)
            how, conf = "passive", 0.65
            if found is None:
                found = object_content(tok, hit)
                how, conf = "object", 0.65
        if found is None and hit.cls and any(f.startswith("prep:") for f in frames):
            preps = {f[5:] for f in frames if f.startswith("prep:")}
            found = prep_content(tok, preps)
            how, conf = "prep", 0.6
    colon = None
    if found is None and ("quote" in frames or "clause" in frames):
        colon = colon_content(index, tok)
    if found is None and colon is None:
        return []
    if colon is not None:
        speaker = find_speaker(index, tok, lex, colon)
        protect = _protect(doc, tok, speaker)
        content = clean_content(index, colon[0], colon[1], protect)
        if content is None:
            return []
        return [_make(index, hit, lex, "colon", content, None, speaker, 0.75)]
    (a, b), head_i = found
    if how in ("object", "prep", "infinitive"):
        b = trim_nonrestrictive(doc, doc[head_i], a, b)
    if a > b:
        return []
    s, e = tok_chars(doc, a, b)
    speaker = find_speaker(index, tok, lex, (s, e))
    if how == "parenthetical" and s < tok.idx < e:
        pass  # "Y, X says, is Z": the clause around the parenthetical is the content
    elif speaker is not None and s <= speaker.start < e:
        # a parse that put the speaker inside its own content: cut the content at it
        if speaker.start - s > e - speaker.end:
            e = speaker.start
        else:
            s = speaker.end
    if s <= tok.idx < e and how != "parenthetical":
        # a parse that put the cue inside its own content: keep the side after it
        s = tok.idx + len(tok.text)
    q = _quote_before_cue(index, tok) if "quote" in frames else None
    if q is not None and speaker is not None and speaker.start > tok.idx and s > tok.idx:
        # '"...," said X, who ... rode ...': the quote right before an inverted cue is its
        # content, not the clause the parser built around the speaker after it
        s, e, how, head_i = q.start, q.end, "clause", None
    elif head_i is not None and speaker is not None and "quote" in frames and speaker.end <= tok.idx \
            and _reports(doc[head_i], lex):
        # 'DuVernay said she felt ... because "most people don't know," she said': the parse
        # makes the first report the complement of the second; the second says the quote
        q = _quote_closing_at(index, speaker.start)
        if q is not None and s < q.start < e:
            s, e, how, head_i = q.start, q.end, "clause", None
    protect = _protect(doc, tok, speaker)
    content = clean_content(index, s, e, protect, anchor=tok.idx)
    if content is None:
        return []
    if how == "passive" and speaker is None:
        return []
    cand = _make(index, hit, lex, how, content, head_i, speaker, conf)
    out = [cand]
    if how in ("object", "passive"):
        out.extend(embedded_claims(index, doc[head_i], cand, lex))
    return out
