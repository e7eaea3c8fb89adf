"""modality_shift: the rewrite puts an aligned predicate on another certainty level.

Markers are the text layer's (:mod:`claimrec.text.modality`: modal verbs, "plan to",
"started working on", "began passing", ..., each with a level). A rewrite
marker is paired with a source marker in the aligned sentences whose governed
predicate has its lemma, or another lemma sharing what is acted on ("would streamline the
process" / "will simplify the process"; a shared subject alone is one actor doing two
things, unless the rewrite says done what the source only expected); different levels mean certainty
was raised ("would streamline" -> "will simplify") or lowered.
"""

from __future__ import annotations

from claimrec.detect.context import ArticlePair, DetectContext, Sentence
from claimrec.detect.draft import Draft, Given
from claimrec.detect.severity import rate
from claimrec.detect.wording import q
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
    predicate ("would get rid of" / "will get rid of", which the parser heads differently)."""
    for r in (rm.anchor, *range(rm.start, rm.end)):
        src = al.words.source_of(r)
        if src is not None and min(sm.start, sm.anchor) <= src <= max(sm.end - 1, sm.anchor):
            return True
    return False


def _done(rm: Marker, sm: Marker) -> bool:
    """The rewrite says done what the source only expected or supposed ("would see a new
    levy" / "approved a levy"): worth showing even when the rewrite names the act
    with another verb."""
    return rm.level >= ENACTED > sm.level + 1


def detect_modality_changes(ctx: DetectContext, pair: ArticlePair, given: Given) -> list[Draft]:
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
            raised = rm.level > sm.level
            rph, sph = _phrase(al.rewrite, rm), _phrase(s, sm)
            severity, conf = rate("modality_shift", raised=raised, same_predicate=same_pred,
                                  shared=shared, similarity=al.similarity)
            direction = "raised" if raised else "lowered"
            out.append(Draft(
                "modality_shift", severity, conf,
                f"Certainty {direction}: source {q(sph.text)} ({labels.get(sm.cls, sm.cls)}) -> "
                f"rewrite {q(rph.text)} ({labels.get(rm.cls, rm.cls)})",
                [pair.rewrite.tok_span(rph), pair.source.tok_span(sph), al.rewrite.span(), s.span()],
            ))
    return out
