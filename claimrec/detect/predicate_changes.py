"""Who did what to whom, where: predicates of a rewrite sentence against their source counterparts.

Each rewrite predicate (:mod:`claimrec.text.predicates`) is paired with the source
predicate it came from: the very verb when the word alignment says it was copied,
else a predicate of the aligned source sentences with the same lemma (or its antonym)
sharing a participant. Participants are compared as referents, not strings: the same
head word, the same name (spelling variants included), or two names of one party.
Only what the rewrite changed is compared (the word alignment): a copied predicate
with copied participants is never a finding.

- ``stance_flip``: one side negated and the other not ("we did not issue a joint
  statement" -> "Meta issued a statement"), a predicate replaced by its antonym
  (``words.json`` antonyms: "approved" -> "rejected"), or aligned claims of one party
  whose denial cue became an assertion or the reverse;
- ``role_swap``: subject and object traded places ("A accused B" -> "B accused A"); a
  participant replaced by another named one in the same role ("Gullit decided not to
  start Shearer" -> "Carver decided ..."); an object replaced by a referent the source
  never mentions ("accused the authorities" -> "accused the country's 19 million residents");
- ``place_changed``: a place participant replaced by another place ("moved to work in
  Australia" -> "... in the Philippines").

Single words swapped inside copied wording are :mod:`claimrec.detect.substitutions`'.
"""

from __future__ import annotations

from claimrec.detect.context import AlignedSentence, ArticlePair, DetectContext, Sentence, nearest_source
from claimrec.detect.draft import Draft, Given
from claimrec.detect.referents import Referents
from claimrec.detect.severity import rate
from claimrec.detect.wording import q
from claimrec.text.cues import is_denial, is_reporting
from claimrec.text.keys import keys_of
from claimrec.text.lookups import detection
from claimrec.text.negation import negation_tokens
from claimrec.text.normalize import fold
from claimrec.text.predicates import Arg, Predicate
from claimrec.text.quantities import dates

VARIANT = 0.85  # name similarity at which two spellings are one name


def _reach(doc, p: Predicate) -> tuple[int, int]:
    """Tokens a predicate's reading depends on: its arguments and its own dependents."""
    verb = doc[p.verb]
    lo = min([p.start, verb.left_edge.i if verb.n_lefts else p.start] + [a.start for _, a in p.all_preps()])
    return lo, max([p.end, p.verb + 1] + [a.end for _, a in p.all_preps()])


def _extent(sent: Sentence, p: Predicate):
    doc = sent.tokens.doc
    lo, hi = sent.tokens[0].i, sent.tokens[-1].i + 1
    return doc[max(lo, p.start):min(hi, p.end)]


def detect_predicate_changes(ctx: DetectContext, pair: ArticlePair, given: Given) -> list[Draft]:
    refs = Referents(ctx)
    out: list[Draft] = []
    for al in pair.aligned:
        if al.words.identical or not al.sources:
            continue
        for pr in al.rewrite.predicates:
            match = _counterpart(pair, al, pr, refs)
            if match is None:
                continue
            s, ps = match
            out.extend(_compare(pair, al, s, pr, ps, refs))
    found = [(sp.start, sp.end) for d in out for sp in d.evidence if sp.article_id == pair.rewrite.article.id]
    for al in pair.aligned:
        if not al.words.identical:
            out.extend(d for d in _acting_on_itself(pair, al, refs)
                       if not any(a < d.evidence[0].end and d.evidence[0].start < b for a, b in found)
                       and not given.is_explained(pair.rewrite.article.id, d.evidence[0].start, d.evidence[0].end))
    for al in pair.aligned:
        if not al.words.identical and al.sources:
            out.extend(d for d in _spliced_participants(pair, al, refs)
                       if not any(a < d.evidence[0].end and d.evidence[0].start < b for a, b in found))
    out.extend(_claim_flips(ctx, pair))
    return out


_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_BETWEEN_NAME_AND_VERB = frozenset({"ADV", "AUX", "PART"})  # "Gullit controversially decided", "X has not"


def _spliced_participants(pair: ArticlePair, al: AlignedSentence, refs: Referents) -> list[Draft]:
    """A participant copied from one clause joined to a predicate copied from another, over
    the name that filled that role: "John Carver is relishing the chance ... Gullit
    controversially decided not to start Shearer" -> "John Carver decided not to start
    Shearer". The rewrite's words are all copies, so no word changed, but who did what did:
    the source's actor is the name the parse (or, for a subject, the word order) gives the
    verb, and the rewrite dropped it with the clause between."""
    out: list[Draft] = []
    rdoc, sdoc = pair.rewrite.doc, pair.source.doc
    matched = al.words.matched
    copied = set(matched.values())
    seen: set[tuple[int, int]] = set()
    for pr in al.rewrite.predicates:
        verb_from = matched.get(pr.verb)
        if verb_from is None:
            continue
        for role, arg in (("subject", pr.subj), ("object", pr.obj)):
            if arg is None or not arg.named or arg.pronoun or arg.borrowed:
                continue
            froms = [matched.get(i) for i in range(arg.start, arg.end) if rdoc[i].is_alpha]
            if not froms or None in froms:
                continue
            if role == "subject" and max(froms) < verb_from:
                gap = sdoc[max(froms) + 1:verb_from]
            elif role == "object" and min(froms) > verb_from:
                gap = sdoc[verb_from + 1:min(froms)]
            else:
                continue
            if len(gap) < 3 or not any(t.pos_ in ("VERB", "AUX") and t.i != verb_from for t in gap):
                continue  # no clause stood between
            actor = _parsed_actor(sdoc[verb_from], gap, _ROLE_DEPS[role])
            if actor is None and role == "subject":
                actor = _actor_before(gap)
            if actor is None or any(j in copied for j in range(*actor)) or (arg.start, actor[0]) in seen:
                continue
            sname = sdoc[actor[0]:actor[1]].text
            if refs.same_name(arg.name, rdoc, sname, sdoc):
                continue  # the same name, or a part of it ("Carver" of "John Carver")
            seen.add((arg.start, actor[0]))
            out.append(_splice_draft(pair, al, pr, role, arg, verb_from, actor))
    return out


_ROLE_DEPS = {"subject": ("nsubj", "nsubjpass"), "object": ("dobj",)}


def _splice_draft(pair: ArticlePair, al: AlignedSentence, pr: Predicate, role: str, arg: Arg,
                  verb_from: int, actor: tuple[int, int]) -> Draft:
    rdoc, sdoc = pair.rewrite.doc, pair.source.doc
    sname, verb = sdoc[actor[0]:actor[1]].text, sdoc[verb_from].text
    s = next((x for x in al.sources if x.tokens[0].i <= verb_from <= x.tokens[-1].i), al.sources[0])
    rtoks = _extent(al.rewrite, pr)
    severity, conf = rate("role_swap", full_swap=False, similarity=al.similarity, shared=1,
                          named=True, in_claim=_in_claim(al.rewrite, rdoc[arg.start].idx))
    where = "an earlier" if role == "subject" else "a later"
    return Draft(
        "role_swap", severity, conf - 0.1,
        f"Who changed ({role} of {q(verb)}): the source gives {q(verb)} {q(sname, 40)}; the rewrite "
        f"joins {q(arg.text(rdoc), 40)}, from {where} clause, to it: {q(rtoks.text)}",
        [pair.rewrite.tok_span(rdoc[arg.start:arg.end]), pair.source.tok_span(sdoc[actor[0]:actor[1]]),
         al.rewrite.span(), s.span()],
        key=("role_swap", pair.rewrite.article.id, arg.start, actor[0]))


def _parsed_actor(verb, gap, deps) -> tuple[int, int] | None:
    """The source verb's own named participant in that role, when the parse found it among
    the dropped words."""
    for c in verb.children:
        if c.dep_ in deps and gap.start <= c.i < gap.end and c.ent_type_ in _ACTOR_ENTS \
                and c.pos_ == "PROPN":
            ent = next((e for e in c.doc.ents if e.start <= c.i < e.end), None)
            if ent is not None and ent.start >= gap.start:
                return ent.start, ent.end
    return None


def _actor_before(gap) -> tuple[int, int] | None:
    """Token range of a name standing right before the verb that ends ``gap``, with only
    adverbs or auxiliaries between: the verb's own actor, whatever the parse made of it."""
    k = len(gap) - 1
    while k >= 0 and gap[k].pos_ in _BETWEEN_NAME_AND_VERB and gap[k].is_alpha:
        k -= 1
    if k < 1 or not gap[k].ent_type_ or gap[k].ent_type_ not in _ACTOR_ENTS or gap[k].pos_ != "PROPN":
        return None
    end = gap[k].i + 1
    while k > 0 and gap[k - 1].ent_type_ == gap[k].ent_type_ and gap[k - 1].pos_ == "PROPN" and gap[k].ent_iob_ != "B":
        k -= 1
    if k < 1 or not any(t.pos_ in ("VERB", "AUX") for t in gap[:k]):
        return None  # no clause of the copied subject's stands before the name
    return gap[k].i, end


def _acting_on_itself(pair: ArticlePair, al: AlignedSentence, refs: Referents) -> list[Draft]:
    """A rewrite predicate whose actor is also the one acted on, named alike ("Gloucester
    beat Gloucester", "Apple has begun legal action against Apple"), where the source never
    has that actor do it to itself: the other party was lost, who did what to whom with it."""
    out: list[Draft] = []
    rdoc = pair.rewrite.doc
    patient_preps = detection().patient_preps
    for pr in al.rewrite.predicates:
        actor = pr.subj
        if actor is None or not actor.named or actor.pronoun:
            continue
        others = [pr.obj] + [a for p, a in pr.all_preps() if p in patient_preps]
        acted_on = next((a for a in others if a is not None and a.named and not a.pronoun
                         and (a.end <= actor.start or actor.end <= a.start) and _one_name(actor, a)),
                        None)
        if acted_on is None or _source_has_it_act_on_itself(pair, pr):
            continue
        match = _counterpart(pair, al, pr, refs)
        near = match[0] if match is not None else nearest_source(pair, al)
        rtoks = rdoc[min(actor.start, acted_on.start):max(actor.end, acted_on.end)]
        severity, conf = rate("role_swap", full_swap=False, similarity=al.similarity, shared=1)
        # the one acted on first: that is where the other party went missing
        evidence = [pair.rewrite.tok_span(rdoc[acted_on.start:acted_on.end]), pair.rewrite.tok_span(rtoks),
                    al.rewrite.span()]
        if match is not None:
            evidence.insert(2, pair.source.tok_span(_extent(match[0], match[1])))
        if near is not None:
            evidence.append(near.span())
        out.append(Draft("role_swap", severity, conf - 0.1,
                         f"Actor and the one acted on are the same in the rewrite: {q(rtoks.text, 70)}; "
                         f"the source never has {q(actor.text(rdoc), 40)} do that to itself",
                         evidence, key=("role_swap", pair.rewrite.article.id, actor.start, acted_on.start)))
    return out


def _one_name(a: Arg, b: Arg) -> bool:
    """The same name, or one a shortening of the other: its first words ("Colchester" of
    "Colchester United"), or a person's surname ("Klass" of "Myleene Klass"). A shared last word
    is not enough otherwise: "Town" (of "leway Town") is not "Crawley Town", and "carlos Del
    Potro" is not "viktor Del Potro"."""
    ta, tb = fold(a.name).split(), fold(b.name).split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if not short:
        return False
    if long_[:len(short)] == short:
        return True
    return a.ent == b.ent == "PERSON" and long_[-len(short):] == short


def _source_has_it_act_on_itself(pair: ArticlePair, pr: Predicate) -> bool:
    for _, ps in pair.source.predicates_by_key.get(pr.key, ()):
        if ps.subj is not None and ps.subj.named and any(
                a is not None and a.named and a is not ps.subj and _one_name(ps.subj, a)
                for a in [ps.obj] + [x for _, x in ps.all_preps()]):
            return True
    return False


def _counterpart(pair: ArticlePair, al: AlignedSentence, pr: Predicate, refs: Referents):
    """The source predicate ``pr`` was written from, with its sentence, or None."""
    copied_from = al.words.source_of(pr.verb)
    if copied_from is not None:
        for s in al.sources:
            for ps in s.predicates:
                if ps.verb == copied_from:
                    return s, ps
        return None
    antonyms = detection().antonyms.get(pr.key, frozenset())
    best, best_score = None, 0
    rdoc = pair.rewrite.doc
    for s in al.sources:
        for ps in s.predicates:
            if ps.key != pr.key and ps.key not in antonyms:
                continue
            shared = sum(1 for ra in pr.participants() for sa in ps.participants()
                         if refs.same(ra, sa, rdoc, pair.source.doc))
            if shared > best_score:
                best, best_score = (s, ps), shared
    return best or _elsewhere(pair, al.rewrite.keys, pr, refs)


ELSEWHERE_SHARED = 2  # participants a predicate outside the aligned sentences must share


def _elsewhere(pair: ArticlePair, rewrite_keys: frozenset, pr: Predicate, refs: Referents):
    """The same predicate with two of the same participants in another source sentence: a
    sentence written afresh ("Alberto has scored 17 goals for Real Madrid") whose alignment
    went to a sentence sharing its names but not its event. None if some source predicate
    has every participant the rewrite gives: the rewrite then states what the source says."""
    rdoc, sdoc = pair.rewrite.doc, pair.source.doc
    wanted = pr.participants()
    best, best_score = None, (ELSEWHERE_SHARED - 1, True, 0)
    for s, ps in pair.source.predicates_by_key.get(pr.key, ()):
        if ps.negated != pr.negated:
            continue
        shared = sum(1 for ra in wanted if any(refs.same(ra, sa, rdoc, sdoc) for sa in ps.participants()))
        if shared == len(wanted):
            return None
        # equal participants: the one with the same object (an article's subject does many
        # things; what was done tells the events apart), then more of the rewrite's words
        same_object = bool(refs.same(pr.obj, ps.obj, rdoc, sdoc))
        score = (shared, same_object, len(s.keys & rewrite_keys))
        if score > best_score:
            best, best_score = (s, ps), score
    return best


def _compare(pair: ArticlePair, al: AlignedSentence, s: Sentence, pr: Predicate, ps: Predicate,
             refs: Referents) -> list[Draft]:
    r = al.rewrite
    rdoc, sdoc = pair.rewrite.doc, pair.source.doc
    if not al.changed(*_reach(rdoc, pr)) and al.kept(*_reach(sdoc, ps)):
        return []  # the predicate, its participants and its negation are copied word for word
    same = lambda a, b: refs.same(a, b, rdoc, sdoc)  # noqa: E731
    rtoks, stoks = _extent(r, pr), _extent(s, ps)
    context = [r.span(), s.span()]
    shared = sum(1 for ra in pr.participants() for sa in ps.participants() if same(ra, sa))
    antonym = ps.key in detection().antonyms.get(pr.key, frozenset())
    if shared and (pr.negated != ps.negated) != antonym and same(pr.subj, ps.subj) is not False \
            and pr.irrealis == ps.irrealis:
        severity, conf = rate("stance_flip", shared=shared, similarity=al.similarity)
        how = "the rewrite denies it" if pr.negated else "the rewrite affirms it"
        if antonym:
            how = f"the rewrite says the opposite ({rdoc[pr.verb].text} for {sdoc[ps.verb].text})"
        return [Draft("stance_flip", severity, conf,
                      f"Polarity reversed: source says {q(stoks.text)}; {how}: {q(rtoks.text)}",
                      [pair.rewrite.tok_span(rtoks), pair.source.tok_span(stoks)] + context)]
    if pr.negated != ps.negated or antonym:
        return []  # polarity differs under another modality ("should not waste" / "wasting"): no finding of roles
    reporting = is_reporting(rdoc[pr.verb])
    # subject and object traded places
    if same(pr.subj, ps.obj) and same(pr.obj, ps.subj) and same(pr.subj, ps.subj) is False:
        severity, conf = rate("role_swap", full_swap=True, similarity=al.similarity, shared=2)
        return [Draft("role_swap", severity, conf,
                      f"Roles swapped: the source has {q(ps.subj.text(sdoc), 40)} {sdoc[ps.verb].text} "
                      f"{q(ps.obj.text(sdoc), 40)}; the rewrite has it the other way round: {q(rtoks.text)}",
                      [pair.rewrite.tok_span(rtoks), pair.source.tok_span(stoks)] + context)]
    out: list[Draft] = []
    roles = [("subject", pr.subj, ps.subj), ("object", pr.obj, ps.obj)]
    roles += [(f"'{p}' participant", ra, sa) for p, ra in pr.all_preps() for p2, sa in ps.all_preps()
              if p2 == p]
    for role, ra, sa in roles:
        if ra is None or sa is None or not _changed(al, ra, sa):
            continue
        if role == "subject" and reporting:
            continue  # who said it: the attribution detector's question
        if refs.replaced(ra, sa, rdoc, sdoc):
            out.append(_replaced(pair, al, s, pr, ps, role, ra, sa, shared))
        elif role == "object" and _new_referent(pair, r, s, pr, ps, ra, sa):
            severity, conf = rate("role_swap", full_swap=False, similarity=al.similarity, shared=shared)
            out.append(Draft("role_swap", severity, conf,
                             f"Roles changed (object replaced): source {q(stoks.text)} -> rewrite {q(rtoks.text)}",
                             [pair.rewrite.tok_span(rtoks), pair.source.tok_span(stoks)] + context))
    out.extend(_transplanted(pair, al, s, pr, ps, refs))
    return out


_TIMES = frozenset({"DATE", "TIME"})


_AT = frozenset({"in", "at", "near", "outside", "inside"})  # where, not for or against whom


def _circumstance(doc, prep: str, arg: Arg) -> str:
    """"time", "place" or "" for a prepositional participant."""
    if doc[arg.head].ent_type_ in _TIMES:
        return "time"
    return "place" if arg.place and prep in _AT else ""


def _transplanted(pair, al: AlignedSentence, s: Sentence, pr: Predicate, ps: Predicate,
                  refs: Referents) -> list[Draft]:
    """A time or place the rewrite gives the event that the source gives another event:
    "was held in New Zealand", where the source holds it at Westminster Abbey and New
    Zealand is where something else happened. A circumstance from the
    counterpart's own sentence (moved from "said on Tuesday" to "happened on Tuesday") or
    from no sentence at all (that is ``unsupported_addition``'s) is not one."""
    rdoc, sdoc = pair.rewrite.doc, pair.source.doc
    given = {}
    for p, a in ps.all_preps():
        given.setdefault(_circumstance(sdoc, p, a), a)
    near = s.text.lower()
    out = []
    for prep, ra in pr.all_preps():
        what = _circumstance(rdoc, prep, ra)
        words = ra.text(rdoc)
        sa = given.get(what) if what else None
        if sa is None or words.lower() in near:
            continue  # an event the source leaves unplaced may be placed from context
        elsewhere = next((x for x in pair.source.sentences if words.lower() in x.text.lower()), None)
        same_event = (a for _, other in pair.source.predicates_by_key.get(pr.key, ()) for _, a in other.all_preps())
        if elsewhere is None or any(refs.same(ra, other, rdoc, sdoc) for other in same_event):
            continue  # a new circumstance is unsupported_addition's; one the source gives this event is kept
        if not _differs(what, ra, sa, rdoc, sdoc, refs):
            continue
        kind = "date_changed" if what == "time" else "place_changed"
        severity, conf = rate(kind, same_unit=True, full_swap=False, similarity=al.similarity, shared=1,
                              named=True, in_claim=False)
        out.append(Draft(kind, severity, conf - 0.1,
                         f"{what.capitalize()} taken from another event: the rewrite says {q(rdoc[pr.verb].text)} "
                         f"{prep} {q(words)}; the source gives it {q(sa.text(sdoc))}, and {q(words)} is from "
                         f"{q(elsewhere.text, 60)}",
                         [pair.rewrite.tok_span(rdoc[ra.start:ra.end]), pair.source.tok_span(sdoc[sa.start:sa.end]),
                          al.rewrite.span(), s.span(), elsewhere.span()],
                         key=(kind, pair.rewrite.article.id, ra.start)))
    return out


def _differs(what: str, ra: Arg, sa: Arg, rdoc, sdoc, refs: Referents) -> bool:
    """Two places that are different named places, or two dates of one kind (two weekdays,
    two years) with different values: "his years" and "from 1991" do not disagree."""
    if what == "place":
        return ra.named and sa.named and refs.same(ra, sa, rdoc, sdoc) is False
    rd, sd = dates(rdoc[ra.start:ra.end]), dates(sdoc[sa.start:sa.end])
    return any(r.kind == d.kind and r.value != d.value for r in rd for d in sd)


def _changed(al: AlignedSentence, ra: Arg, sa: Arg) -> bool:
    return al.changed(ra.start, ra.end) or not al.kept(sa.start, sa.end)


def _replaced(pair, al, s, pr, ps, role, ra: Arg, sa: Arg, shared: int) -> Draft:
    rdoc, sdoc = pair.rewrite.doc, pair.source.doc
    kind = "place_changed" if ra.place and sa.place else "role_swap"
    severity, conf = rate(kind, full_swap=False, similarity=al.similarity, shared=shared,
                          named=True, in_claim=_in_claim(al.rewrite, rdoc[ra.start].idx))
    verb = sdoc[ps.verb].text
    what = "Place changed" if kind == "place_changed" else f"Who changed ({role} of {q(verb)})"
    return Draft(kind, severity, conf,
                 f"{what}: the source says {q(sa.text(sdoc), 50)}, the rewrite {q(ra.text(rdoc), 50)}",
                 [pair.rewrite.tok_span(rdoc[ra.start:ra.end]), pair.source.tok_span(sdoc[sa.start:sa.end]),
                  al.rewrite.span(), s.span()],
                 key=(kind, pair.rewrite.article.id, ra.start, sa.start))


def _new_referent(pair, r: Sentence, s: Sentence, pr: Predicate, ps: Predicate, ra: Arg, sa: Arg) -> bool:
    """The object became a referent the source never mentions, and the old one is gone
    from the rewrite sentence (a light verb's object changing says nothing)."""
    if pr.key in detection().light_verbs or ra.pronoun or sa.pronoun:
        return False
    rhead, shead = r.tokens.doc[ra.head], s.tokens.doc[sa.head]
    if not all(t.pos_ in ("NOUN", "PROPN") and t.is_alpha and len(t.text) >= 3 for t in (rhead, shead)):
        return False
    subj_same = bool(pr.subj is not None and ps.subj is not None and (pr.subj.keys & ps.subj.keys))
    return subj_same and ra.head_key != sa.head_key and ra.head_key not in s.view.keys \
        and sa.head_key not in r.surface


def _in_claim(sent: Sentence, start_char: int) -> bool:
    return any(c.content.start <= start_char < c.content.end for c in sent.claims)


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
