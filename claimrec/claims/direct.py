"""Direct quotes no parse rule claimed: attach them to a cue, to the claim they
continue, or to the speaker of the paragraph.

- a quote in the same sentence as a quote-taking cue that found no content of
  its own ("'...?' Vitter demanded.") belongs to that cue;
- a quote that follows a direct claim after only "he said."-like text
  (""A," she said. "B."") extends that claim: one attribution, one speaker;
  a quote right before a quote whose speaker follows it (""A." "B," she said.")
  opens that claim;
- otherwise a substantial quote is kept as an unattributed direct claim, given
  the speaker of the latest claim in its paragraph (or the one before) when
  there is one, with lower confidence, and that claim's cue when it was a quote too
  (consecutive quote paragraphs of one speaker, named once).
Short scare quotes ("what it called a 'compromise'") and quoted titles are
not claims.
"""

from __future__ import annotations

import re
from copy import copy
from typing import Optional

from claimrec.claims.candidate import Candidate
from claimrec.claims.cues import CueHit
from claimrec.claims.indirect import cue_span
from claimrec.claims.paragraphs import heading
from claimrec.claims.spans import clean_content
from claimrec.claims.speaker_info import describe_speaker
from claimrec.claims.speakers import find_speaker
from claimrec.text.document import AnnotatedDoc
from claimrec.text.lookups import CueTables
from claimrec.text.negation import is_negated
from claimrec.text.quotes import QUOTE_CHARS

_END_PUNCT = ".?!,;:…"
# text between two quotes of one speaker is short: "he said.", "she added, "
_MAX_RESIDUAL = 25
# what a cue's own modifiers are, when they stand between two quotes of one speaker
_CUE_MODIFIERS = ("prep", "npadvmod", "advmod", "agent")
_MIN_WORDS = 4
# a signed quote: '"..." ― Jane Doe' (reader comments, embedded posts)
_DASH_SIGNATURE = re.compile(r"[^\S\n]*(―|—|–|--)[^\S\n]*([A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,4})")


def substantial(index: AnnotatedDoc, k: int) -> bool:
    q = index.quotes[k]
    inner = index.text[q.start + 1:q.end - 1].strip(" '\"“”‘’«»`")
    words = inner.split()
    if len(words) >= _MIN_WORDS:
        if len(words) <= 8 and all(w[:1].isupper() or not w[:1].isalpha() for w in words) \
                and inner[-1:] not in _END_PUNCT:
            return False  # a quoted title: "Justice Against Sponsors of Terrorism Act"
        return True
    return len(words) >= 2 and inner[-1:] in _END_PUNCT


_NOUN_MODIFIER_DEPS = frozenset({"amod", "appos", "compound", "nmod"})


def _modifies_a_noun(index: AnnotatedDoc, q) -> bool:
    """'lives up to its promise, "Always Ready, Always There,"': a quote the parse hangs, as a
    modifier, from a common noun outside it is a slogan or a name for that noun, no one's
    words (a quote that is a clause of its own hangs from a verb, if from anything)."""
    span = index.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tops = [t for t in span if not (span.start <= t.head.i < span.end) and not t.is_punct]
    return bool(tops) and all(t.dep_ in _NOUN_MODIFIER_DEPS and t.head.pos_ == "NOUN" for t in tops)


def _covered(cands: list[Candidate], start: int, end: int) -> bool:
    for c in cands:
        if c.start < end and start < c.end:
            return True
    return False


def _sent_of_char(index: AnnotatedDoc, char: int) -> int:
    doc = index.doc
    tok = doc.char_span(char, char + 1, alignment_mode="expand") if len(doc) else None
    if tok is None or len(tok) == 0:
        return -1
    return index.tok_sent[tok[0].i]


def quote_claims(index: AnnotatedDoc, cands: list[Candidate], orphans: list[CueHit],
                 lex: CueTables) -> list[Candidate]:
    out: list[Candidate] = []
    used_orphans: set[int] = set()
    orphan_by_sent: dict[int, list[CueHit]] = {}
    for hit in orphans:
        orphan_by_sent.setdefault(index.tok_sent[hit.tok], []).append(hit)
    known = sorted(cands, key=lambda c: c.start)

    for k, q in enumerate(index.quotes):
        if _covered(known, q.start, q.end) or _covered(out, q.start, q.end):
            continue
        if not substantial(index, k) or _modifies_a_noun(index, q):
            continue
        s_first = _sent_of_char(index, q.start)
        s_last = _sent_of_char(index, q.end - 1)
        if s_first < 0:
            continue
        # 1. an orphan cue in the quote's sentence ('"...?" Vitter demanded.')
        hit = _nearest_orphan(index, q, range(s_first, s_last + 2), orphan_by_sent, used_orphans)
        if hit is not None:
            used_orphans.add(hit.tok)
            cand = _orphan_claim(index, q, hit, lex)
            if cand is not None:
                out.append(cand)
                continue
        # 2. a dash signature right after the quote
        signed = _signature(index, q, lex)
        if signed is not None:
            out.append(signed)
            continue
        everything = known + out
        # 3. the continuation of the previous direct claim in its paragraph: '"A," she said. "B."'
        prev = _previous(everything, q.start)
        if prev is not None and prev.quote in ("direct", "mixed"):
            same_para = index.para_of(q.start) == index.para_of(max(prev.start, prev.end - 1))
            only_space = not index.text[prev.end:q.start].strip()
            # what lies between is the attribution itself ("she said"), a link ("and then")
            # or nothing, not a clause of its own ("she was")
            cue_between = prev.cue_span is not None and prev.end <= prev.cue_span[0] < q.start
            if (same_para and (cue_between or _only_links(index, prev.end, q.start))
                    and _residual_gap(index, prev.end, q.start, prev) <= _MAX_RESIDUAL) or only_space:
                prev.content = (prev.start, q.end)
                if not q.balanced:
                    prev.balanced = False
                continue
        # 4. the opening part of the next claim's quote: '"A," X said, "B."', '"A." "B," X
        # said.' (in one paragraph, or with B opening the next one)
        nxt = _next_claim(everything, q.end)
        if nxt is not None and nxt.quote == "direct" and nxt.speaker is not None \
                and index.text[nxt.start] in QUOTE_CHARS \
                and index.para_of(nxt.start) - index.para_of(q.start) <= 1 \
                and _residual_gap(index, q.end, nxt.start, nxt) <= _MAX_RESIDUAL \
                and not _attribution_between(everything, q.end, nxt.start, nxt):
            nxt.content = (q.start, nxt.end)
            continue
        # 5. introduced by a colon: 'Sanders made the following comment:'
        intro = _colon_intro(index, q, lex)
        if intro is not None:
            out.append(intro)
            continue
        # 6. a free-standing quote, carried by the paragraph's speaker if any
        if not _sentence_like(index, q) or _heading_line(index, q):
            continue
        content = clean_content(index, q.start, q.end)
        if content is None:
            continue
        after = _speaker_after(index, everything, q)
        owner = None if after is not None else _paragraph_claim(index, everything, q.start)
        giver = after or owner
        carrier = copy(giver.speaker) if giver is not None else None
        cand = Candidate(content=content, sent=s_first, how="bare_quote", quote="direct",
                         speaker=carrier, confidence=0.5 if carrier else 0.35, balanced=q.balanced)
        if owner is not None and owner.cue_span is not None and owner.quote in ("direct", "mixed"):
            # a quote paragraph continuing the speaker's quotes carries their cue as well
            cand.cue_span, cand.cue_text, cand.cue_lemma = owner.cue_span, owner.cue_text, owner.cue_lemma
            cand.cue_cls, cand.cue_tok = owner.cue_cls, owner.cue_tok
        if not q.balanced:
            cand.confidence = round(cand.confidence * 0.7, 3)
        out.append(cand)
    return out


def _orphan_claim(index: AnnotatedDoc, q, hit: CueHit, lex: CueTables) -> Optional[Candidate]:
    doc = index.doc
    tok = doc[hit.tok]
    speaker = find_speaker(index, tok, lex, (q.start, q.end))
    content = clean_content(index, q.start, q.end)
    if content is None:
        return None
    s, e, cue_text = cue_span(doc, hit)
    cand = Candidate(content=content, sent=index.tok_sent[hit.tok], how="quote", cue_tok=hit.tok,
                     cue_span=(s, e), cue_text=cue_text, cue_lemma=hit.lemma, cue_cls=hit.cls,
                     cue_negated=is_negated(tok), speaker=speaker, quote="direct",
                     confidence=0.85 if speaker else 0.5, balanced=q.balanced)
    if not q.balanced:
        cand.confidence = round(cand.confidence * 0.7, 3)
    return cand


def _only_links(index: AnnotatedDoc, a: int, b: int) -> bool:
    span = index.doc.char_span(a, b, alignment_mode="contract")
    return span is not None and all(t.pos_ in ("CCONJ", "ADV", "PUNCT", "SPACE", "PART") for t in span)


def _residual_gap(index: AnnotatedDoc, a: int, b: int, claim: Candidate) -> int:
    """Characters between ``a`` and ``b`` that are not the claim's speaker, cue or punctuation."""
    if b < a:
        return 10 ** 6
    text = list(index.text[a:b])
    spans = [claim.speaker and (claim.speaker.start, claim.speaker.end), claim.cue_span]
    if claim.speaker is not None:
        # the whole speaker phrase, relative clause and all ("X, who has ..., said")
        head = index.doc[claim.speaker.head]
        lo, hi = head.left_edge, head.right_edge
        spans.append((min(lo.idx, claim.speaker.start), max(hi.idx + len(hi.text), claim.speaker.end)))
    if claim.cue_tok is not None:
        # the telling's own circumstances: '"A," DuVernay explained in an interview with
        # The Huffington Post. "B."'
        for c in index.doc[claim.cue_tok].children:
            if c.dep_ in _CUE_MODIFIERS and not any(t.is_quote for t in c.subtree):
                last = c.right_edge
                spans.append((c.left_edge.idx, last.idx + len(last.text)))
    for span in spans:
        if span:
            for i in range(max(a, span[0]), min(b, span[1])):
                text[i - a] = " "
    # a verb of the narrative's own ('"A," Blige sings to Clinton before asking her, "B"')
    # makes the gap a sentence of the writer's, however short
    between = index.doc.char_span(a, b, alignment_mode="contract")
    if between is not None and any(t.pos_ == "VERB" and text[t.idx - a] != " " for t in between):
        return 10 ** 6
    rest = "".join(text)
    return len("".join(ch for ch in rest if ch.isalnum()))


def _attribution_between(cands: list[Candidate], a: int, b: int, owner: Candidate) -> bool:
    for c in cands:
        if c is owner or c.cue_span is None:
            continue
        if a <= c.cue_span[0] < b:
            return True
    return False


def _next_claim(cands: list[Candidate], pos: int) -> Optional[Candidate]:
    best = None
    for c in cands:
        if c.start >= pos and c.parent is None and (best is None or c.start < best.start):
            best = c
    return best


def _heading_line(index: AnnotatedDoc, q) -> bool:
    """A quoted section heading standing as its own paragraph ("'All Bets Are Off.'")."""
    p = index.para_of(q.start)
    end = index.para_starts[p + 1] if p + 1 < len(index.para_starts) else len(index.text)
    line = index.text[index.para_starts[p]:end].strip()
    return line == index.text[q.start:q.end].strip() and heading(line)


def _sentence_like(index: AnnotatedDoc, q) -> bool:
    """A quote standing as (part of) a sentence of its own, not a phrase inside one."""
    text = index.text
    i = q.start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in "\n.!?:;,—–-―(" or text[i] in "\"”’'»":
        return True
    return False


def _colon_intro(index: AnnotatedDoc, q, lex: CueTables) -> Optional[Candidate]:
    """A quote right after 'X made the following comment:' (same or previous paragraph)."""
    text = index.text
    i = q.start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or text[i] != ":":
        return None
    doc = index.doc
    span = doc.char_span(i, i + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    colon = span[0]
    s_start, _ = index.sent_bounds[index.tok_sent[colon.i]]
    root = colon.sent.root
    verb = root if root.pos_ in ("VERB", "AUX") and root.i < colon.i else None
    speaker = None
    if verb is not None:
        speaker = find_speaker(index, verb, lex, (q.start, q.end))
    else:
        # "A lesson from Loretta Lynch: '...'": the name just before the colon
        prev = doc[colon.i - 1] if colon.i > s_start else None
        if prev is not None and prev.ent_type_ in ("PERSON", "ORG"):
            a = prev.i
            while a - 1 >= s_start and doc[a - 1].ent_iob_ == "I" and doc[a].ent_iob_ == "I":
                a -= 1
            speaker = describe_speaker(index, prev, a, prev.i, lex)
    if speaker is None:
        return None
    content = clean_content(index, q.start, q.end)
    if content is None:
        return None
    cue_tok = verb if verb is not None else colon
    return Candidate(content=content, sent=index.tok_sent[cue_tok.i], how="colon_quote", cue_tok=cue_tok.i,
                     cue_span=(cue_tok.idx, cue_tok.idx + len(cue_tok.text)), cue_text=cue_tok.text,
                     cue_lemma=cue_tok.lemma_.lower(), cue_cls="neutral", speaker=speaker, quote="direct",
                     confidence=0.6 if q.balanced else 0.45, balanced=q.balanced)


def _signature(index: AnnotatedDoc, q, lex: CueTables) -> Optional[Candidate]:
    m = _DASH_SIGNATURE.match(index.text, q.end)
    if m is None:
        return None
    doc = index.doc
    span = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    speaker = describe_speaker(index, span.root, span.start, span.end - 1, lex)
    content = clean_content(index, q.start, q.end)
    if speaker is None or content is None:
        return None
    if speaker.kind == "unknown":
        speaker.kind = "person"
    return Candidate(content=content, sent=index.tok_sent[span.start], how="signature",
                     cue_span=m.span(1), cue_text=m.group(1), cue_lemma=m.group(1), cue_cls="neutral",
                     speaker=speaker, quote="direct", confidence=0.7 if q.balanced else 0.5,
                     balanced=q.balanced)


def _nearest_orphan(index: AnnotatedDoc, q, sents, by_sent, used) -> Optional[CueHit]:
    best = None
    best_dist = None
    for s in sents:
        for hit in by_sent.get(s, ()):
            if hit.tok in used:
                continue
            pos = index.doc[hit.tok].idx
            if q.start <= pos < q.end:
                continue
            dist = q.start - pos if pos < q.start else pos - q.end
            if index.para_of(pos) != index.para_of(q.start if pos < q.start else q.end - 1):
                continue
            # a cue in a later sentence counts only right after the quote ('"..." he said.')
            if s > _sent_of_char(index, q.end - 1) and dist > 40:
                continue
            if best_dist is None or dist < best_dist:
                best, best_dist = hit, dist
    return best


def _speaker_after(index: AnnotatedDoc, cands: list[Candidate], q) -> Optional[Candidate]:
    """The claim whose speaker stands right after a quote that ends on a comma: in
    "'We came here for vacation,' Makrus Asberg said they were 'no heroes'" the verb has
    content of its own, so the quote is not its content, but the comma hands it to the name
    that follows, not to whoever spoke in the sentence before."""
    inner = index.text[q.start:q.end].rstrip()
    if len(inner) < 2 or inner[-1] not in QUOTE_CHARS or inner[-2] != ",":
        return None
    para = index.para_of(q.start)
    for c in cands:
        sp = c.speaker
        if sp is None or c.parent is not None or sp.start < q.end or index.para_of(sp.start) != para:
            continue
        if not index.text[q.end:sp.start].strip(" ,\u00a0"):
            return c
    return None


def _previous(cands: list[Candidate], pos: int) -> Optional[Candidate]:
    best = None
    for c in cands:
        if c.end <= pos and c.parent is None and (best is None or c.end > best.end):
            best = c
    return best


def _paragraph_claim(index: AnnotatedDoc, cands: list[Candidate], pos: int) -> Optional[Candidate]:
    """The latest top-level claim with a speaker in this paragraph or the one before."""
    para = index.para_of(pos)
    best = None
    for c in cands:
        if c.speaker is None or c.start >= pos or c.parent is not None:
            continue
        if c.cue_span and any(o is not c and o.start <= c.cue_span[0] < o.end for o in cands):
            continue  # a claim nested inside another one's content
        if para - index.para_of(c.start) > 1:
            continue
        if best is None or c.start > best.start:
            best = c
    return best
