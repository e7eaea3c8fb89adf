"""stance_flip and role_swap: the same predicate, reversed polarity or changed arguments.

Predicates are paired across an aligned sentence pair by lemma and must share
an argument (or, for a full swap, trade them). When the aligner paired the
rewrite sentence elsewhere, a source sentence with the same predicate and the
same object head is used instead: that pair is itself strong evidence the two
sentences report one event.

- stance_flip: one side negated ("we did not issue a joint statement"), the
  other not ("Meta issued a statement"); or aligned claims of one party with
  opposite stance.
- role_swap: subject and object traded places; or one argument replaced by a
  referent the other sentence never mentions ("accused the authorities" ->
  "accused the country's 19 million residents"); or the agent replaced by
  someone the source sentence names in another role.
"""

from __future__ import annotations

from claimrec.detect.context import ArticlePair, DetectContext, Sentence
from claimrec.detect.draft import Draft, Given
from claimrec.detect.severity import rate
from claimrec.detect.wording import q
from claimrec.text.cues import is_denial, is_reporting
from claimrec.text.keys import keys_of
from claimrec.text.lookups import detection
from claimrec.text.negation import negation_tokens
from claimrec.text.predicates import Predicate


def _shared(a: Predicate, b: Predicate) -> set[str]:
    return a.arg_keys() & b.arg_keys()


def _compatible_subjects(a: Predicate, b: Predicate) -> bool:
    if a.subj is None or b.subj is None or a.subj.pronoun or b.subj.pronoun:
        return True
    return bool(a.subj.keys & b.subj.keys)


def _matches(pair: ArticlePair, sources: list[Sentence], pr: Predicate):
    found = [(s, ps) for s in sources for ps in s.predicates if ps.key == pr.key]
    if found:
        return found
    if pr.obj is None or pr.obj.pronoun:
        return []
    return [(s, ps) for s in pair.source.sentences for ps in s.predicates
            if ps.key == pr.key and ps.obj is not None and ps.obj.head_key == pr.obj.head_key]


def _extent(sent: Sentence, p: Predicate):
    doc = sent.tokens.doc
    lo, hi = sent.tokens[0].i, sent.tokens[-1].i + 1
    return doc[max(lo, p.start):min(hi, p.end)]


def detect_stance_roles(ctx: DetectContext, pair: ArticlePair, given: Given) -> list[Draft]:
    out: list[Draft] = []
    for al in pair.aligned:
        if al.words.identical:
            continue
        r = al.rewrite
        for pr in r.predicates:
            out.extend(_compare(pair, al, pr))
    out.extend(_claim_flips(ctx, pair))
    return out


def _reach(doc, p: Predicate) -> tuple[int, int]:
    """Tokens a predicate's reading depends on: its arguments and its own dependents."""
    verb = doc[p.verb]
    return min(p.start, verb.left_edge.i if verb.n_lefts else p.start), max(p.end, p.verb + 1)


def _compare(pair: ArticlePair, al, pr: Predicate) -> list[Draft]:
    r, sources, similarity = al.rewrite, al.sources, al.similarity
    copied_from = al.words.source_of(pr.verb)
    candidates = [(s, ps) for s, ps in _matches(pair, sources, pr)
                  if copied_from is None or ps.verb == copied_from]
    best = None
    for s, ps in candidates:
        shared = _shared(pr, ps)
        score = len(shared) + (2 if pr.obj and ps.obj and pr.obj.head_key == ps.obj.head_key else 0)
        if best is None or score > best[0]:
            best = (score, s, ps, shared)
    if best is None:
        return []
    _, s, ps, shared = best
    if not pair.rewrite_changed(*_reach(r.tokens.doc, pr)) and pair.source_kept(*_reach(s.tokens.doc, ps)):
        return []  # the predicate, its arguments and its negation are copied word for word
    rtoks, stoks = _extent(r, pr), _extent(s, ps)
    evidence = [pair.rewrite.tok_span(rtoks), pair.source.tok_span(stoks), r.span(), s.span()]
    if pr.negated != ps.negated and shared and _compatible_subjects(pr, ps):
        severity, conf = rate("stance_flip", shared=len(shared), similarity=similarity)
        said = "denies" if pr.negated else "affirms"
        return [Draft("stance_flip", severity, conf,
                      f"Polarity reversed: source says {q(stoks.text)}; the rewrite {said} it: {q(rtoks.text)}",
                      evidence)]
    swap = _role_change(r, s, pr, ps)
    if swap is None:
        return []
    full, what = swap
    severity, conf = rate("role_swap", full_swap=full, similarity=similarity, shared=len(shared))
    return [Draft("role_swap", severity, conf,
                  f"Roles changed ({what}): source {q(stoks.text)} -> rewrite {q(rtoks.text)}", evidence)]


def _subject_keys(sent: Sentence, p: Predicate) -> set[str]:
    """The subject's words; when the parse put the subject outside the sentence, the words before the verb."""
    if p.subj is not None:
        return set(p.subj.keys)
    lo = sent.tokens[0].i
    return keys_of(sent.tokens.doc[lo:p.verb])


def _nominal(sent: Sentence, arg) -> bool:
    tok = sent.tokens.doc[arg.head]
    return tok.pos_ in ("NOUN", "PROPN") and tok.is_alpha and len(tok.text) >= 3


def _role_change(r: Sentence, s: Sentence, pr: Predicate, ps: Predicate):
    # a light verb's object changing ("have a plan" / "have a deal") says nothing about roles
    if pr.key in detection().light_verbs or pr.negated != ps.negated or pr.obj is None or ps.obj is None:
        return None
    if not _nominal(r, pr.obj) or not _nominal(s, ps.obj):
        return None
    if pr.obj.pronoun or ps.obj.pronoun or any(a is not None and a.pronoun for a in (pr.subj, ps.subj)):
        return None
    if pr.subj and ps.subj and pr.subj.head_key in ps.obj.keys and pr.obj.head_key in ps.subj.keys \
            and pr.subj.head_key not in ps.subj.keys:
        return True, "subject and object swapped"
    rsubj, ssubj = _subject_keys(r, pr), _subject_keys(s, ps)
    subj_same = bool(rsubj & ssubj)
    # the new object must be new to the whole source, the old one gone from the rewrite sentence
    if subj_same and pr.obj.head_key != ps.obj.head_key \
            and pr.obj.head_key not in s.view.keys and ps.obj.head_key not in r.surface:
        return False, "object replaced"
    if pr.subj is None or ps.subj is None:
        return None
    # the agent replaced by another participant of the same source event
    obj_same = pr.obj.head_key == ps.obj.head_key
    reporting = is_reporting(r.tokens.doc[pr.verb])
    if obj_same and not reporting and not (pr.subj.keys & ps.subj.keys) \
            and pr.subj.head_key in ps.obj.keys and ps.subj.head_key not in r.surface:
        return False, "agent replaced"
    return None


def _polarity(claim) -> int:
    return -1 if claim.stance == "deny" or claim.negated else 1


def _claim_flips(ctx: DetectContext, pair: ArticlePair) -> list[Draft]:
    """Aligned claims of the same party with opposite stance."""
    out = []
    for al in pair.aligned:
        for rc in al.rewrite.claims:
            linked = ctx.claim_links.get(rc.id, set())
            candidates = [c for s in al.sources for c in s.claims] + [ctx.claim_by_id[i] for i in linked if i in ctx.claim_by_id]
            for sc in candidates:
                if sc.article_id != pair.source.article.id or _polarity(sc) == _polarity(rc):
                    continue
                if _inner_negation(pair.source, sc) or _inner_negation(pair.rewrite, rc):
                    continue  # the content itself carries a denial: the stance is not the cue's
                if not _cue_changed(pair, rc, sc) or _denies(rc) == _denies(sc):
                    continue  # the polarity must come from the cue, and the cue must have changed
                rp = rc.speaker.party_id if rc.speaker else None
                sp = sc.speaker.party_id if sc.speaker else None
                if not rp or rp != sp:
                    continue
                rk = _keys(pair.rewrite, rc)
                sk = _keys(pair.source, sc)
                if not rk or not sk or len(rk & sk) / min(len(rk), len(sk)) < 0.5:
                    continue
                severity, conf = rate("stance_flip", shared=len(rk & sk), similarity=al.similarity, via_claims=True)
                who = ctx.party_name(rp) or "the speaker"
                out.append(Draft(
                    "stance_flip", severity, conf,
                    f"Stance reversed for {who}: the source {_VERB[sc.stance]} {q(sc.content.text, 60)}; "
                    f"the rewrite {_VERB[rc.stance]} {q(rc.content.text, 60)}",
                    [rc.content, sc.content, rc.sentence, sc.sentence],
                    party_ids=[rp], claim_ids=[rc.id, sc.id],
                ))
    return out


_VERB = {"assert": "asserts", "deny": "denies"}


def _denies(claim) -> bool:
    return claim.cue is not None and claim.cue.cls == "denial"


def _cue_changed(pair: ArticlePair, rc, sc) -> bool:
    if rc.cue is not None and rc.cue.span is not None \
            and pair.rewrite_changed(*pair.tokens_of(pair.rewrite, rc.cue.span)):
        return True
    return sc.cue is not None and sc.cue.span is not None \
        and not pair.source_kept(*pair.tokens_of(pair.source, sc.cue.span))


def _inner_negation(view, claim) -> bool:
    toks = view.doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    return bool(toks is not None and (negation_tokens(toks) or any(is_denial(t) for t in toks)))


def _keys(view, claim) -> set[str]:
    toks = view.doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    return keys_of(toks) if toks is not None else set()
