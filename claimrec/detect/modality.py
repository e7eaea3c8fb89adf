"""modality_shift: the rewrite puts an aligned predicate on another certainty level.

Markers come from ``data/lexicons/modality.json`` (modal verbs, "plan to",
"started working on", "began passing", ...), each with a level. A rewrite
marker is paired with a source marker in the aligned sentences whose governed
predicate shares an argument or its lemma; different levels mean certainty
was raised ("would streamline" -> "will simplify") or lowered.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claimrec.detect.context import DetectContext, Sentence
from claimrec.detect.draft import Draft
from claimrec.detect.lexmatch import PatternSet
from claimrec.detect.severity import rate
from claimrec.detect.textnorm import q, token_key
from claimrec.resources import load_json

_ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "pobj")


@dataclass(frozen=True)
class Marker:
    cls: str
    level: int
    start: int
    end: int
    anchor: int  # doc index of the governed predicate
    pred_key: str
    args: frozenset


@lru_cache(maxsize=1)
def _lexicon():
    lex = load_json("lexicons/modality.json")
    return PatternSet(lex["markers"]), lex["levels"], lex.get("labels", {})


def _anchor(doc, m) -> int:
    spec = m.entry.get("anchor")
    first = doc[m.start]
    if spec is None:
        return first.head.i if first.tag_ == "MD" else m.end - 1
    if isinstance(spec, int):
        return m.start + spec
    last = doc[m.end - 1]
    if spec == "xcomp":
        # "plan to pass": the verb after "to"
        return last.head.i if last.head.i > last.i else (m.end if m.end < len(doc) else last.i)
    if spec == "pobj":
        # "started working on a bill": the working predicate, whose object is the bill
        return m.start + 1
    return m.end - 1


def _args(doc, i: int) -> frozenset:
    tok = doc[i]
    keys: set[str] = set()
    chain = [tok]
    if tok.dep_ in ("xcomp", "pcomp", "ccomp") and tok.head.i != tok.i:
        chain.append(tok.head)
    for t in chain:
        for child in t.children:
            if child.dep_ in _ARG_DEPS and child.pos_ in ("NOUN", "PROPN"):
                keys.add(token_key(child))
            elif child.dep_ == "prep":
                for g in child.children:
                    if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                        keys.add(token_key(g))
    return frozenset(keys)


def markers(sent: Sentence) -> list[Marker]:
    patterns, levels, _ = _lexicon()
    doc = sent.tokens.doc
    out = []
    for m in patterns.find(sent.tokens):
        cls = m.entry["class"]
        anchor = _anchor(doc, m)
        if not (0 <= anchor < len(doc)):
            continue
        out.append(Marker(cls, int(levels.get(cls, 0)), m.start, m.end, anchor,
                          token_key(doc[anchor]), _args(doc, anchor)))
    # a one-word marker inside a longer one ("pass" in "began passing") is the same marker
    return [a for a in out if not any(b is not a and b.start <= a.start and a.end <= b.end
                                      and (b.end - b.start) > (a.end - a.start) for b in out)]


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


def detect_modality(ctx: DetectContext) -> list[Draft]:
    out: list[Draft] = []
    _, _, labels = _lexicon()
    for pair in ctx.pairs:
        for al in pair.aligned:
            if not al.sources:
                continue
            rmarks = markers(al.rewrite)
            if not rmarks:
                continue
            smarks = [(s, mk) for s in al.sources for mk in markers(s)]
            for rm in rmarks:
                best = None
                for s, sm in smarks:
                    same_pred = sm.pred_key == rm.pred_key
                    shared = len(sm.args & rm.args)
                    if not same_pred and not shared:
                        continue
                    score = shared + (2 if same_pred else 0)
                    if best is None or score > best[0]:
                        best = (score, s, sm, same_pred, shared)
                if best is None:
                    continue
                _, s, sm, same_pred, shared = best
                if sm.level == rm.level:
                    continue
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
