"""Words the rewrite put in place of the source's, inside otherwise copied wording.

The word alignment (:mod:`claimrec.text.diff`) leaves, for a sentence copied with a change,
short stretches ("hunks") where the rewrite's words replace, add to or drop the source's,
with copied words on both sides. Read position by position, what stands in the source's
place says what changed:

- a negation added or dropped ("were" -> "were not", "said" -> "did not say"), or a word
  put in place of its opposite (``words.json`` antonyms: "a mostly positive message" -> "a
  mostly negative message", "record low support" -> "record low opposition"): ``stance_flip``;
- a figure in place of another figure ("Twelve" -> "Nine"): ``number_changed``;
- a date in place of another date ("Tuesday" -> "Monday", "Sept. 30" -> "Sept. 11"):
  ``date_changed``;
- a name in place of another name of the same kind ("Clinton beats Trump" -> "Clinton beats
  Bill Clinton"): ``role_swap``, or ``place_changed`` for places;
- a personal pronoun of another gender or number ("he" -> "she"): someone else is meant:
  ``attribution_changed`` when the pronoun speaks, else ``role_swap``.

A value the source gives elsewhere does not excuse it here: what counts is what stood at
this place. Hunks are only read where the sentence around them was copied (anchored on
both sides), so a rewritten sentence is compared by the predicate and figure detectors,
not word by word.
"""

from __future__ import annotations

from claimrec.detect.context import AlignedSentence, ArticlePair, DetectContext, Sentence, reports_speech
from claimrec.detect.draft import Draft, Given
from claimrec.detect.referents import Referents, nationality
from claimrec.detect.severity import rate
from claimrec.detect.wording import q
from claimrec.text.cues import is_reporting
from claimrec.text.lookups import detection
from claimrec.text.diff import Hunk
from claimrec.text.keys import base_key
from claimrec.text.negation import negation_tokens
from claimrec.text.normalize import fold
from claimrec.text.predicates import NAMED, PLACES, describes_noun
from claimrec.text.quantities import describe, gives

MAX_HUNK = 6  # words on either side of a hunk read position by position
MAX_SPEAKER = 12  # a speaker's description can be long ("a person with knowledge of the talks")
_ACTORS = frozenset({"PERSON", "ORG"})
MAX_NAME = 6  # words of a name read as one participant
_PRONOUN_REFERENT = {
    "he": ("m", 1), "him": ("m", 1), "his": ("m", 1), "himself": ("m", 1),
    "she": ("f", 1), "her": ("f", 1), "hers": ("f", 1), "herself": ("f", 1),
    "they": ("", 2), "them": ("", 2), "their": ("", 2), "themselves": ("", 2),
}


def detect_substitutions(ctx: DetectContext, pair: ArticlePair, given: Given) -> list[Draft]:
    refs = Referents(ctx)
    out: list[Draft] = []
    for al in pair.aligned:
        if not al.sources or al.words.identical:
            continue
        for h in al.words.hunks:
            if len(h.rewrite) > MAX_SPEAKER or len(h.source) > MAX_SPEAKER or not _anchored(al, h):
                continue
            short = len(h.rewrite) <= MAX_HUNK and len(h.source) <= MAX_HUNK
            found = None
            if short and _held(al, h):
                found = (_negation(pair, al, h) or _opposite(pair, al, h) or _figure(pair, al, h) or _date(pair, al, h)
                         or _name(pair, al, h, refs) or _pronoun(pair, al, h))
            found = found or _described(pair, al, h)
            if found is not None:
                out.append(found)
    return out


def _anchored(al: AlignedSentence, h: Hunk) -> bool:
    """Copied words right before and right after the changed stretch (a sentence edge counts
    on one side), so that the stretch stands where the source's words stood."""
    matched = al.words.matched
    if not h.rewrite:
        # a deletion: copied words on both sides of where the source's words were
        kept = set(matched.values())
        return any(j < h.source[0] for j in kept) and any(j > h.source[-1] for j in kept)
    rt = al.words.rewrite_tokens
    i, j = rt.index(h.rewrite[0]), rt.index(h.rewrite[-1])
    before = i == 0 or rt[i - 1] in matched
    after = j == len(rt) - 1 or rt[j + 1] in matched
    return before and after and (i > 0 or j < len(rt) - 1)


def _held(al: AlignedSentence, h: Hunk) -> bool:
    """A value put in another's place needs copied content words around it: a copied "the"
    or "-" alone does not hold the place ("The 19-year-old" set against "the 3-3 draw"
    shares only those, and 19 does not stand where 3 stood). A speaker's description needs
    no more than the anchoring: the reporting verb says whose place it took."""
    if not h.rewrite:
        return True
    matched, rt = al.words.matched, al.words.rewrite_tokens
    i, j = rt.index(h.rewrite[0]), rt.index(h.rewrite[-1])
    doc = al.rewrite.tokens.doc
    return _holds(doc, rt, matched, range(i - 1, -1, -1)) and _holds(doc, rt, matched, range(j + 1, len(rt)))


def _holds(doc, rt, matched, steps) -> bool:
    """The copied run next to a hunk, read away from it, reaches the sentence edge or a
    copied content word."""
    for k in steps:
        if rt[k] not in matched:
            return False
        tok = doc[rt[k]]
        if tok.is_alpha and not tok.is_stop or tok.like_num:
            return True
    return True


def _sides(pair: ArticlePair, al: AlignedSentence, h: Hunk):
    rdoc, sdoc = pair.rewrite.doc, pair.source.doc
    rtoks = [rdoc[i] for i in h.rewrite]
    stoks = [sdoc[j] for j in h.source]
    return rdoc, sdoc, rtoks, stoks


def _context(pair: ArticlePair, al: AlignedSentence, h: Hunk) -> list:
    spans = [al.rewrite.span()]
    if h.source:
        first = pair.source.doc[h.source[0]].idx
        spans += [s.span() for s in al.sources if s.start <= first < s.end]
    else:
        spans += [s.span() for s in al.sources[:1]]
    return spans


def _evidence(pair, rdoc, sdoc, rtoks, stoks, al, h) -> list:
    ev = []
    if rtoks:
        ev.append(pair.rewrite.tok_span(rtoks))
    if stoks:
        ev.append(pair.source.tok_span(stoks))
    return ev + _context(pair, al, h)


def _negation(pair: ArticlePair, al: AlignedSentence, h: Hunk):
    rdoc, sdoc, rtoks, stoks = _sides(pair, al, h)
    # a negation of something in the sentence, not a "No." answering a question
    rneg = [t for t in negation_tokens(rtoks) if t.head.i != t.i and t.dep_ != "intj"]
    sneg = [t for t in negation_tokens(stoks) if t.head.i != t.i and t.dep_ != "intj"]
    if bool(rneg) == bool(sneg):
        return None
    if _rest(rtoks, rneg) != _rest(stoks, sneg):
        return None  # other words changed too: a different statement, not the same one negated
    severity, conf = rate("stance_flip", shared=3, similarity=al.similarity)
    said = "denies it" if rneg else "affirms it"
    verb = _predicate_phrase(rdoc, rtoks or [rdoc[i] for i in _near(al, h)])
    sverb = _predicate_phrase(sdoc, stoks) if stoks else None
    return Draft("stance_flip", severity, conf,
                 f"Polarity reversed: source says {q(sverb.text if sverb is not None else _around(sdoc, al, h))}; "
                 f"the rewrite {said}: {q(verb.text)}",
                 _evidence(pair, rdoc, sdoc, rtoks, stoks, al, h),
                 key=("substitution", pair.rewrite.article.id, "negation", h.rewrite[:1] or h.source[:1]))


MAX_OPPOSITE = 3  # words on either side of a hunk that puts one word's opposite in its place
_POS_GROUP = {"AUX": "VERB"}


def _opposite(pair: ArticlePair, al: AlignedSentence, h: Hunk):
    """One word replaced by its antonym, everything else in the hunk the same."""
    rdoc, sdoc, rtoks, stoks = _sides(pair, al, h)
    rw = [t for t in rtoks if not t.is_punct]
    sw = [t for t in stoks if not t.is_punct]
    if not rw or not sw or len(rw) > MAX_OPPOSITE or len(sw) > MAX_OPPOSITE:
        return None
    opposites = detection().antonyms
    for r in rw:
        rkeys = {base_key(r.lemma_), base_key(r.text)}
        for s in sw:
            if _POS_GROUP.get(r.pos_, r.pos_) != _POS_GROUP.get(s.pos_, s.pos_):
                continue
            if not any(opposites.get(k, frozenset()) & {base_key(s.lemma_), base_key(s.text)} for k in rkeys):
                continue
            if _rest(_articles_out(rw, r), []) != _rest(_articles_out(sw, s), []):
                return None  # other words changed too: a different statement, not its opposite
            severity, conf = rate("stance_flip", shared=3, similarity=al.similarity)
            rph, sph = _word_phrase(r), _word_phrase(s)
            return Draft("stance_flip", severity, conf,
                         f"Opposite meaning: source says {q(sph.text)}; the rewrite says {q(rph.text)} "
                         f"({q(s.text)} -> {q(r.text)})",
                         _evidence(pair, rdoc, sdoc, rtoks, stoks, al, h),
                         key=("substitution", pair.rewrite.article.id, "opposite", h.rewrite[:1]))
    return None


def _articles_out(toks, but) -> list:
    # "a difficult" -> "an easy": the article follows the word, it is no change of its own
    return [t for t in toks if t is not but and t.lower_ not in ("a", "an")]


def _word_phrase(tok):
    """A changed word with the few words around it in its sentence, for the summary."""
    if tok.pos_ in ("VERB", "AUX"):
        return _predicate_phrase(tok.doc, [tok])
    sent = tok.sent
    return tok.doc[max(sent.start, tok.i - 3):min(sent.end, tok.i + 3)]


_DO_SUPPORT = frozenset({"do", "does", "did", "be", "have"})


def _rest(toks, negators) -> list[str]:
    """The lemmas of a hunk's words other than its negation and do-support ("did not say" -> say)."""
    neg = {t.i for t in negators}
    return [t.lemma_.lower() for t in toks if t.i not in neg and t.lemma_.lower() not in _DO_SUPPORT
            and not t.is_punct]


def _near(al: AlignedSentence, h: Hunk) -> list[int]:
    """Rewrite tokens next to a deletion (to show where it was)."""
    rt = al.words.rewrite_tokens
    before = [r for r, s in al.words.matched.items() if s < h.source[0]]
    k = rt.index(max(before)) if before else 0
    return rt[max(0, k - 2):k + 3]


def _around(sdoc, al: AlignedSentence, h: Hunk) -> str:
    toks = h.source or ()
    if not toks:
        return ""
    return sdoc[max(0, toks[0] - 3):toks[-1] + 3].text


def _predicate_phrase(doc, toks):
    """The predicate the changed words belong to, with its subject and object, for the summary."""
    head = toks[0]
    while head.dep_ in ("neg", "aux", "advmod") and head.head.i != head.i:
        head = head.head
    lo = min([t.i for t in toks] + [c.left_edge.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
             + [head.i])
    hi = max([t.i for t in toks] + [c.right_edge.i for c in head.children if c.dep_ in ("dobj", "attr", "acomp")]
             + [head.i])
    return doc[lo:min(hi + 1, lo + 16)]


def _items_in(items, toks) -> list:
    idx = {t.i for t in toks}
    return [x for x in items if any(i in idx for i in range(x.start, x.end))]


def _figure(pair: ArticlePair, al: AlignedSentence, h: Hunk):
    rdoc, sdoc, rtoks, stoks = _sides(pair, al, h)
    rf, sf = _items_in(pair.rewrite.figures, rtoks), _items_in(pair.source.figures, stoks)
    if len(rf) != 1 or len(sf) != 1 or gives(sf[0], rf[0]):
        return None
    if _items_in(pair.rewrite.dates, rtoks) or _items_in(pair.source.dates, stoks):
        return None  # a date's number: the date reading decides
    r, s = rf[0], sf[0]
    severity, conf = rate("number_changed", same_unit=r.unit == s.unit, similarity=al.similarity,
                          in_claim=_in_claim(al.rewrite, rdoc[r.start].idx))
    return Draft("number_changed", severity, conf + 0.05,
                 f"Figure changed: source says {q(s.text)} ({describe(s.value)}), rewrite says {q(r.text)} "
                 f"({describe(r.value)})",
                 [pair.rewrite.tok_span(rdoc[r.start:r.end]), pair.source.tok_span(sdoc[s.start:s.end])]
                 + _context(pair, al, h),
                 key=("figure", pair.rewrite.article.id, r.start, r.end))


def _date(pair: ArticlePair, al: AlignedSentence, h: Hunk):
    rdoc, sdoc, rtoks, stoks = _sides(pair, al, h)
    rd, sd = _items_in(pair.rewrite.dates, rtoks), _items_in(pair.source.dates, stoks)
    for r in rd:
        for s in sd:
            if r.kind == s.kind and r.value != s.value:
                severity, conf = rate("date_changed", same_unit=True, similarity=al.similarity,
                                      in_claim=_in_claim(al.rewrite, rdoc[r.start].idx))
                return Draft("date_changed", severity, conf + 0.05,
                             f"Date changed: source says {q(s.text)}, rewrite says {q(r.text)}",
                             [pair.rewrite.tok_span(rdoc[r.start:r.end]), pair.source.tok_span(sdoc[s.start:s.end])]
                             + _context(pair, al, h),
                             key=("date", pair.rewrite.article.id, r.start, r.end))
    return None


def _name_run(doc, toks, modifiers: bool = False) -> tuple[str, str] | None:
    """(entity family, text) of the one participant's name among ``toks``: a named person,
    organisation or place, or a short run of proper nouns the tagger left unlabelled. A name
    that only modifies a common noun ("the Clinton campaign") names no participant, unless it
    is a place: "at her Brooklyn school" -> "at her Houston school" still moves the school;
    with ``modifiers`` it is a name of the family "modifier:" + its entity label."""
    idx = {t.i for t in toks}
    ents = [e for e in doc.ents if e.label_ in NAMED and (e.start in idx or e.end - 1 in idx)]
    if len(ents) == 1:
        e = ents[0]
        if len(e) > MAX_NAME:
            return None
        if e.label_ in PLACES:
            return "place", e.text
        if e.label_ not in _ACTORS:
            return _named_elsewhere(doc, toks)  # a surname the tagger took for a nationality
        if describes_noun(e.root):
            return (f"modifier:{e.label_}", e.text) if modifiers else None
        return "actor", e.text
    if not ents:
        props = [t for t in toks if t.pos_ == "PROPN" and t.is_alpha]
        if props and len(props) <= MAX_NAME and len(props) == len([t for t in toks if t.is_alpha]) \
                and not describes_noun(props[-1]):
            return "", doc[props[0].i:props[-1].i + 1].text
        return _named_elsewhere(doc, toks)
    return None


def _named_elsewhere(doc, toks) -> tuple[str, str] | None:
    """A capitalised word the tagger left untagged here, or tagged as something other than an
    actor, but that ends a person's or an organisation's name elsewhere in the article
    ("showed Chinni doing better", the article's "Dante Chinni"): that name's family."""
    words = [t for t in toks if t.is_alpha]
    if not words or len(words) > MAX_NAME or not all(t.text[:1].isupper() for t in words):
        return None
    if words[0].i == words[0].sent.start:
        return None  # a sentence's first word is capitalised whatever it is
    text = doc[words[0].i:words[-1].i + 1].text
    n = len(words)
    if any(e.label_ in _ACTORS and len(e) > n and _ends_with(e, text) for e in doc.ents):
        return "actor", text
    return None


def _ends_with(ent, name: str) -> bool:
    """The entity's words end with the name's ("Dante Chinni" / "Chinni"), case and quotes folded."""
    words = fold(name).split()
    return bool(words) and fold(ent.text).split()[-len(words):] == words


def _name(pair: ArticlePair, al: AlignedSentence, h: Hunk, refs: Referents):
    if h.op != "replace":
        return None
    rdoc, sdoc, rtoks, stoks = _sides(pair, al, h)
    # a name put for another in front of the same copied noun ("the Clinton campaign" -> "the
    # Trump campaign") makes it someone else's, as much as a name put for a participant does
    r, s = _name_run(rdoc, rtoks, modifiers=True), _name_run(sdoc, stoks, modifiers=True)
    if r is None or s is None:
        return None
    (rfam, rname), (sfam, sname) = r, s
    mods = [f for f in (rfam, sfam) if f.startswith("modifier")]
    if mods:
        # people's names only: a team or a body in front of a noun goes by nicknames
        # too ("the Spurs striker" is "the Tottenham striker")
        if len(mods) < 2 or not _same_noun_after(al, rtoks[-1], stoks[-1]):
            return None
        if not (_a_person(rname, pair) and _a_person(sname, pair)):
            return None
        rfam = sfam = "actor"
    s_speaks, r_speaks = _speaks(pair.source, stoks), _speaks(pair.rewrite, rtoks)
    if s_speaks and r_speaks:
        rfam = sfam = "actor"  # whoever says something is an actor, whatever the tagger called them
    if (rfam and sfam and rfam != sfam) or not (rfam or sfam):
        return None  # a person put for a place is a rewording; two untyped words say too little
    if refs.same_name(rname, rdoc, sname, sdoc) or fold(rname) in fold(sname) or fold(sname) in fold(rname):
        return None
    if nationality(rname) or nationality(sname):
        return None
    if s_speaks or r_speaks:
        severity, conf = rate("attribution_changed", party_changed=True, overlap=0.9, resolved=True)
        return Draft("attribution_changed", severity, conf,
                     f"Attribution changed: the source has {q(sname, 50)} say it, the rewrite {q(rname, 50)}",
                     _evidence(pair, rdoc, sdoc, rtoks, stoks, al, h),
                     key=("attribution_changed", pair.rewrite.article.id, h.rewrite[0]))
    kind = "place_changed" if "place" in (rfam, sfam) else "role_swap"
    severity, conf = rate(kind, full_swap=False, similarity=al.similarity, shared=1, named=True,
                          in_claim=_in_claim(al.rewrite, rtoks[0].idx))
    what = "Place changed" if kind == "place_changed" else "Who changed"
    return Draft(kind, severity, conf,
                 f"{what}: the source says {q(sname, 50)}, the rewrite {q(rname, 50)} in otherwise copied words",
                 _evidence(pair, rdoc, sdoc, rtoks, stoks, al, h),
                 key=(kind, pair.rewrite.article.id, h.rewrite[0], h.source[0]))


def _a_person(name: str, pair: ArticlePair) -> bool:
    """The name is mostly tagged as a person's where either article names it, alone or as a
    surname: one tag is not enough, the small tagger takes "the Trump campaign" for an
    organisation's and "the Spurs team" for a person's."""
    person = other = 0
    for view in (pair.source, pair.rewrite):
        for e in view.doc.ents:
            if e.label_ in NAMED and _ends_with(e, name):
                if e.label_ == "PERSON":
                    person += 1
                else:
                    other += 1
    return person > other


def _same_noun_after(al: AlignedSentence, rlast, slast) -> bool:
    """The nouns the two names modify are one copied word."""
    rhead, shead = rlast.head, slast.head
    return al.words.source_of(rhead.i) == shead.i


def _name_in(doc, sent: Sentence, name: str) -> bool:
    from claimrec.text.normalize import names_compatible

    return any(e.label_ in NAMED and names_compatible(e.text, name, 0.85)
               for e in doc.ents if sent.unit.tok_start <= e.start < sent.unit.tok_end)


def _speaks(view, toks) -> bool:
    """The words name a speaker: the speaker of a reported statement, or the subject of a
    reporting verb (whoever "wanted" or "believes" something is not speaking)."""
    if not toks:
        return False
    a, b = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    for c in view.claims:
        if not reports_speech(c):
            continue
        sp = c.speaker
        if sp is not None and sp.span is not None and sp.span.start < b and a < sp.span.end:
            return True
    return any(t.dep_ in ("nsubj", "nsubjpass") and is_reporting(t.head) for t in toks)


def _described(pair: ArticlePair, al: AlignedSentence, h: Hunk):
    """A named speaker became a description ("Clinton" -> "a person with knowledge of the
    discussions"), or a described one got a name: who vouches for the words changed."""
    if h.op != "replace":
        return None
    rdoc, sdoc, rtoks, stoks = _sides(pair, al, h)
    rname, sname = _name_run(rdoc, rtoks), _name_run(sdoc, stoks)
    if (rname is None) == (sname is None):
        return None
    named, described = (stoks, rtoks) if sname is not None else (rtoks, stoks)
    name = (sname or rname)[1]
    alpha = [t for t in named if t.is_alpha]
    if len(name.split()) < 0.6 * len(alpha):
        return None  # the changed words are more than the name
    anonymous = detection().anonymous_heads
    if any(t.pos_ == "PROPN" for t in described) or not any(t.lemma_.lower() in anonymous for t in described):
        return None  # a description of a speaker: "a person with knowledge", "officials"
    if not (_speaks(pair.source, stoks) or _speaks(pair.rewrite, rtoks)):
        return None
    other = al.rewrite if sname is not None else None
    if other is None and any(_name_in(sdoc, s, name) for s in al.sources):
        return None  # the source names that speaker in this very sentence
    if other is not None and _name_in(rdoc, al.rewrite, name):
        return None
    severity, conf = rate("attribution_changed", party_changed=False, overlap=0.9, resolved=True)
    before, after = " ".join(t.text for t in stoks), " ".join(t.text for t in rtoks)
    return Draft("attribution_changed", severity, conf,
                 f"Attribution changed: {q(before, 50)} in the source becomes {q(after, 50)} in the rewrite",
                 _evidence(pair, rdoc, sdoc, rtoks, stoks, al, h),
                 key=("attribution_changed", pair.rewrite.article.id, h.rewrite[0]))


def _pronoun(pair: ArticlePair, al: AlignedSentence, h: Hunk):
    if h.op != "replace" or len(h.rewrite) != 1 or len(h.source) != 1:
        return None
    rdoc, sdoc, rtoks, stoks = _sides(pair, al, h)
    r, s = _PRONOUN_REFERENT.get(rtoks[0].lower_), _PRONOUN_REFERENT.get(stoks[0].lower_)
    if r is None or s is None or r == s:
        return None
    speaks = is_reporting(rtoks[0].head) and rtoks[0].dep_ in ("nsubj", "nsubjpass")
    kind = "attribution_changed" if speaks else "role_swap"
    if speaks:
        severity, conf = rate(kind, party_changed=True, overlap=0.8, resolved=False)
    else:
        severity, conf = rate(kind, full_swap=False, similarity=al.similarity, shared=1)
    return Draft(kind, severity, conf,
                 f"Someone else is meant: the source says {q(stoks[0].text)}, the rewrite {q(rtoks[0].text)} "
                 f"in {q(al.rewrite.text, 60)}",
                 _evidence(pair, rdoc, sdoc, rtoks, stoks, al, h),
                 key=(kind, pair.rewrite.article.id, h.rewrite[0]))


def _in_claim(sent: Sentence, start_char: int) -> bool:
    return any(c.content.start <= start_char < c.content.end for c in sent.claims)
