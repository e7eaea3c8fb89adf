"""modality_shift: the rewrite puts an aligned predicate on another certainty level.

Markers are the text layer's (:mod:`claimrec.text.modality`: modal verbs, "plan to",
"started working on", "began passing", ..., each with a level). A rewrite
marker is paired with a source marker in the aligned sentences whose governed
predicate has its lemma, or another lemma sharing what is acted on ("would streamline the
process" / "will simplify the process"; a shared subject alone is one actor doing two
things, unless the rewrite says done what the source only expected); different levels mean certainty
was raised ("would streamline" -> "will simplify") or lowered.

A source marker whose words the rewrite dropped, leaving the same predicate as a plain
statement ("could be decisive" -> "is decisive", "might be damaged" -> "is damaged",
"plans to visit" -> "visited"), raised certainty too: the rewrite asserts what the source
only allowed for, intended or expected.
"""

from __future__ import annotations

from claimrec.detect.context import ArticlePair, DetectContext, Sentence
from claimrec.detect.draft import Draft, Given
from claimrec.detect.severity import rate
from claimrec.detect.wording import q
from claimrec.text.keys import is_content
from claimrec.text.lexicon import lexicon
from claimrec.text.modality import Marker


def _phrase(sent: Sentence, mk: Marker):
    doc = sent.tokens.doc
    lo, hi = sent.tokens[0].i, sent.tokens[-1].i + 1
    end = max(mk.end, mk.anchor + 1)
    # show the predicate with its object ("would streamline the process")
    anchor = doc[mk.anchor]
    for child in anchor.rights:
        if child.dep_ in ("dobj", "attr") and child.i < hi:
            end = max(end, child.i + 1)
            break
        if child.dep_ == "prep" and child.i < hi:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            end = max(end, (pobj.i if pobj is not None else child.i) + 1)
            break
    return doc[max(lo, min(mk.start, mk.anchor)):min(hi, end)]


ENACTED = 5  # levels from here on say the act is under way or done


def _same_place(al, rm: Marker, sm: Marker) -> bool:
    """The rewrite's predicate word is copied from the source's, between its marker and its
    predicate ("would get rid of" / "will get rid of", which the parser heads differently), or
    the rewrite's marker words replace the source's one for one."""
    for r in (rm.anchor, *range(rm.start, rm.end)):
        src = al.words.source_of(r)
        if src is not None and min(sm.start, sm.anchor) <= src <= max(sm.end - 1, sm.anchor):
            return True
    # or the marker words themselves were put in place of the source's, in copied wording
    # ("44 percent would back Trump" / "will back Trump", whatever the parser makes the head)
    rwords, swords = set(range(rm.start, rm.end)), set(range(sm.start, sm.end))
    return any(h.rewrite and h.source and set(h.rewrite) <= rwords and set(h.source) <= swords
               for h in al.words.hunks)


def _done(rm: Marker, sm: Marker) -> bool:
    """The rewrite says done what the source only expected or supposed ("would see a new
    levy" / "approved a levy"): worth showing even when the rewrite names the act
    with another verb."""
    return rm.level >= ENACTED > sm.level + 1


# a marker at or above this level (will, promised to) already reads as certain: "will visit"
# -> "visits next week" states no more than it did
_UNMARKED_BELOW = 4
_FINITE = ("VBZ", "VBD", "VBP")
# a clause these open states a condition or a question, not a fact
_CONDITIONAL = ("if", "whether", "unless", "until", "once")


def _verb_read_as_noun(tok) -> bool:
    """A sentence's root the tagger read as a plural noun: a present-tense verb ("The decision
    hinges on ...") taken for a noun, its subject for a compound. Only asked of a word with
    the lemma of the source's verb."""
    return tok.dep_ == "ROOT" and tok.tag_ == "NNS"


def _asserted(tok, marked: set[int]) -> bool:
    """``tok`` is a predicate the rewrite states as fact: a finite verb (or one carried by a
    finite auxiliary), with no modal or marker of its own, not in a condition or question."""
    if tok.i in marked:
        return False
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" or c.lower_ == "to" for c in auxes):
        return False
    if not (tok.tag_ in _FINITE or any(c.tag_ in _FINITE for c in auxes) or _verb_read_as_noun(tok)):
        return False
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in tok.children):
        return False
    sent = tok.sent
    return not sent.text.rstrip().endswith("?")


def _stated_plainly(al, sm: Marker):
    """The rewrite token stating the source marker's predicate with the marker's words gone:
    the predicate's own copy, or a word of its lemma the rewrite put in the marker's place."""
    if not al.sources or al.kept(sm.start, sm.end):
        return None
    sdoc = al.sources[0].view.doc
    rdoc = al.rewrite.tokens.doc
    anchor = sdoc[sm.anchor]
    if not _kept_around(al, anchor, sm):
        return None
    marker_words = set(range(sm.start, sm.end)) | {sm.anchor}
    copied = {j: i for i, j in al.words.matched.items()}
    if sm.anchor in copied:
        found = [copied[sm.anchor]]
    else:
        # or a word of the predicate's lemma put in the marker's place
        found = [i for h in al.words.hunks if marker_words & set(h.source)
                 for i in h.rewrite if rdoc[i].lemma_ == anchor.lemma_
                 and (rdoc[i].pos_ in ("VERB", "AUX") or _verb_read_as_noun(rdoc[i]))]
    marked = {i for rm in al.rewrite.markers for i in (rm.anchor, *range(rm.start, rm.end))}
    for i in found:
        if _asserted(rdoc[i], marked):
            return rdoc[i]
    return None


# share of the content words the source predicate governs that the rewrite must have copied
KEPT_AROUND = 0.5


def _kept_around(al, anchor, sm: Marker) -> bool:
    """Most content words the source predicate governs are copied into the rewrite sentence:
    the statement is the source's, with its marker gone. A sentence written afresh that shares
    the verb ("would eat each vegetable" / "children who eat healthily") or a pronoun and a
    misattached "on Thursday" is another statement."""
    words = [t.i for t in anchor.subtree
             if t.i != anchor.i and not (sm.start <= t.i < sm.end) and is_content(t)]
    return not words or _mostly_copied(al, words)


def _mostly_copied(al, words: list[int]) -> bool:
    """At least ``KEPT_AROUND`` of these source token indices are copied into the rewrite."""
    copied = set(al.words.matched.values())
    return sum(1 for i in words if i in copied) / len(words) >= KEPT_AROUND


def _unmarked(pair: ArticlePair) -> list[Draft]:
    out: list[Draft] = []
    for al in pair.aligned:
        for s in al.sources:
            for sm in s.markers:
                if sm.level >= _UNMARKED_BELOW:
                    continue
                tok = _stated_plainly(al, sm)
                if tok is None:
                    continue
                lo = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")])
                rph = _phrase(al.rewrite, Marker(sm.cls, sm.level, lo, tok.i + 1, tok.i, sm.pred_key, sm.args))
                out.append(_shift(pair, al, s, sm, rph, "stated as fact", raised=True, same_pred=True,
                                  shared=len(sm.args)))
    return out


def _shift(pair: ArticlePair, al, s: Sentence, sm: Marker, rph, rlabel: str, *, raised: bool,
           same_pred: bool, shared: int) -> Draft:
    """The finding: the source marker's phrase against the rewrite's ``rph`` (labelled ``rlabel``)."""
    labels = lexicon().modality.labels
    sph = _phrase(s, sm)
    severity, conf = rate("modality_shift", raised=raised, same_predicate=same_pred,
                          shared=shared, similarity=al.similarity)
    return Draft(
        "modality_shift", severity, conf,
        f"Certainty {'raised' if raised else 'lowered'}: source {q(sph.text)} ({labels.get(sm.cls, sm.cls)}) -> "
        f"rewrite {q(rph.text)} ({rlabel})",
        [pair.rewrite.tok_span(rph), pair.source.tok_span(sph), al.rewrite.span(), s.span()],
    )


def detect_modality_changes(ctx: DetectContext, pair: ArticlePair, given: Given) -> list[Draft]:
    return _marked(pair) + _unmarked(pair) + _report_verbs(pair)


# the cue classes whose verbs report a content without vouching for it or doubting it
_REPORTING = ("neutral", "assertive")
# what a reporting verb governs when it reports a content: a clause or what it names
_REPORTED = ("ccomp", "dobj", "xcomp")


def _report_level(tok) -> int | None:
    """1 for a tentative reporting verb, 3 for a factive one, 2 for any other speech cue verb
    (``report_verbs`` in modality.json); None for a word that reports nothing here."""
    if tok.pos_ != "VERB" or any(c.dep_ == "prt" for c in tok.children):
        return None  # "showed up", "found out": another verb
    if not any(c.dep_ in _REPORTED for c in tok.children):
        return None
    lemma = tok.lemma_.lower()
    verbs = lexicon().modality.report_verbs
    if lemma in verbs.tentative:
        return 1
    if lemma in verbs.factive:
        return 3
    spec = lexicon().cues.verbs.get(lemma)
    return 2 if spec is not None and spec.cls in _REPORTING else None


def _report_phrase(tok):
    """The verb with its subject, for the summary ("the poll suggests")."""
    subj = next((c for c in tok.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    lo = subj.left_edge.i if subj is not None and tok.i - subj.left_edge.i <= 8 else tok.i
    return tok.doc[lo:tok.i + 1]


_LEVEL_NAMES = {1: "tentative", 2: "reported", 3: "presented as fact"}


def _report_verbs(pair: ArticlePair) -> list[Draft]:
    """A reporting verb the rewrite replaced by one of another certainty: "the poll suggested"
    -> "the poll showed", "said" -> "confirmed". The verb must still
    report the source's content: most words it governs are copied."""
    out: list[Draft] = []
    for al in pair.aligned:
        if not al.sources:
            continue
        sdoc, rdoc = al.sources[0].view.doc, al.rewrite.tokens.doc
        sent_of = {j: s for s in al.sources for j in range(s.tokens[0].i, s.tokens[-1].i + 1)}
        for h in al.words.hunks:
            if h.op != "replace":
                continue
            for j in h.source:
                stok = sdoc[j]
                slevel = _report_level(stok)
                if slevel is None or j not in sent_of:
                    continue
                for i in h.rewrite:
                    rtok = rdoc[i]
                    rlevel = _report_level(rtok)
                    # only a raise: "revealed" -> "says" is how headlines and summaries
                    # restate any report, and a rewrite more cautious than its source misleads no one
                    if rlevel is None or rlevel <= slevel or rtok.lemma_ == stok.lemma_:
                        continue
                    if not _reports_same(al, stok):
                        continue
                    s = sent_of[j]
                    sph, rph = _report_phrase(stok), _report_phrase(rtok)
                    severity, conf = rate("modality_shift", raised=True, same_predicate=True,
                                          shared=1, similarity=al.similarity)
                    out.append(Draft(
                        "modality_shift", severity, conf,
                        f"Certainty raised: source {q(sph.text)} "
                        f"({_LEVEL_NAMES[slevel]}) -> rewrite {q(rph.text)} ({_LEVEL_NAMES[rlevel]})",
                        [pair.rewrite.tok_span(rph), pair.source.tok_span(sph), al.rewrite.span(), s.span()],
                    ))
                    break
    return out


def _reports_same(al, verb) -> bool:
    """Most content words the source verb governs (its subject and what it reports) are
    copied into the rewrite sentence: the same report, its verb swapped."""
    words = [t.i for t in verb.subtree if t.i != verb.i and is_content(t)]
    return bool(words) and _mostly_copied(al, words)


def _marked(pair: ArticlePair) -> list[Draft]:
    out: list[Draft] = []
    labels = lexicon().modality.labels
    for al in pair.aligned:
        if not al.sources:
            continue
        rmarks = al.rewrite.markers
        if not rmarks:
            continue
        smarks = [(s, mk) for s in al.sources for mk in s.markers]
        for rm in rmarks:
            best = None
            for s, sm in smarks:
                same_pred = sm.pred_key == rm.pred_key
                shared = len(sm.args & rm.args)
                acted_on = (sm.args & rm.args) - sm.subjects - rm.subjects
                same_pred = same_pred or _same_place(al, rm, sm)
                if not same_pred and not acted_on and not _done(rm, sm):
                    continue  # one actor doing two things ("the governor would extend his
                    # time" / "will step down") is two statements, not one made more certain
                score = shared + (2 if same_pred else 0)
                if best is None or score > best[0]:
                    best = (score, s, sm, same_pred, shared)
            if best is None:
                continue
            _, s, sm, same_pred, shared = best
            if sm.level == rm.level:
                continue
            if not al.changed(rm.start, rm.end) and al.kept(sm.start, sm.end):
                continue  # both markers are copied word for word: they mark different predicates
            out.append(_shift(pair, al, s, sm, _phrase(al.rewrite, rm), labels.get(rm.cls, rm.cls),
                              raised=rm.level > sm.level, same_pred=same_pred, shared=shared))
    return out
