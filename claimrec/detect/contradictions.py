"""party_contradiction: two different actors take opposite positions on the same proposition.

Claims from every article take part, so a contradiction can sit inside one article
("Meta denied a claim by the Kazakh government that ...") or across articles. A
contradiction needs all of:

- **two actors**: each claim's speaker resolved to a party that is a person,
  organisation, government or group, named or described by a noun, not a bare pronoun,
  an adjective, a quantifier ("few people", "not everyone") or a piece of evidence ("a
  2014 study", "early vote statistics"); the two are different actors (not one party, not
  one person's two names, not a person and the party they speak for);
- **the same proposition**, one of:
  - *a denial of the claim itself*: "X denied a claim by Y that P" (Y's claim read from
    the sentence when extraction did not return it as an embedded claim);
  - *the same predicate*: the two contents hold a predicate with the same lemma (or its
    antonym), with at least one participant the same referent in the same role, an object
    or other participant among them unless neither predicate has one, and no participant
    a different named referent in the same role ("I pay federal taxes" / "Trump paid
    nothing in federal taxes"; first-person participants are the speaker);
  - *a thing said to exist and denied*: one content names a thing ("a joint statement
    with Facebook"), the other negates a predicate of that thing ("we did not issue a
    joint statement"), sharing its head noun and another content word;
- **opposite positions**: one asserts and the other denies or negates it (a denial cue
  about it, or a negation on the shared predicate); or, with the same predicate and
  participants, incompatible figures for the same quantity.

Questions are no positions; a claim reported inside another claim's content is the
reporter's, not the source's, so only the innermost claim of a report takes part ("CNN
reported that the clinic denied ..." -> the clinic denies); one claim never contradicts
itself. Evidence: both claims, plus sentences of the other articles that state the
contested phrase, so a reader sees how each article tells it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from claimrec.align.blocking import candidate_pairs
from claimrec.detect.context import ArticleView, DetectContext
from claimrec.detect.draft import Contested, Draft
from claimrec.detect.referents import Referents, same_family
from claimrec.detect.severity import rate
from claimrec.detect.wording import q
from claimrec.models import Claim, Span
from claimrec.text.keys import keys_of
from claimrec.text.lexicon import lexicon
from claimrec.text.lookups import detection, extraction
from claimrec.text.normalize import fold, names_compatible, without_article
from claimrec.text.predicates import Arg, Predicate, participant, predicates
from claimrec.text.quantities import dates, same_value

ECHOES = 2  # sentences quoted per other article
ECHO_ARTICLES = 5  # other articles quoted at most
LOOKUP_KEYS = 4  # rarest content words a proposition looks its partners up by
MAX_POSTING = 60  # a word in more claims than this is no lookup key
ACTOR_KINDS = frozenset({"person", "organisation", "government", "group"})
# quantifiers that make a speaker people at large, not an actor ("few people", "not everyone")
_NOBODY_IN_PARTICULAR = frozenset({"few", "not", "many", "some", "most", "several", "everyone", "nobody",
                                   "anyone", "someone", "everybody", "people", "others", "all"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# verbs whose complement is taken as true ("know that P", "hid the fact that P")
_FACTIVE = frozenset({"know", "realize", "realise", "learn", "reveal", "discover", "regret", "hide",
                      "admit", "acknowledge", "notice", "forget", "remember"})


@dataclass(eq=False)
class Prop:
    """One claim as a position: who, which way, about what."""

    claim: Claim
    view: ArticleView
    actor: str  # party id
    party_id: str
    named: bool  # the speaker is named (not a description such as "officials")
    cue_sign: int  # -1 when the cue denies what follows
    keys: frozenset
    preds: list[Predicate]
    thing: Optional[Arg]  # the thing named, when the content is a noun phrase
    text: str
    span: Span
    figures: list
    speaker_name: str
    inferred: bool = False  # Y's claim read from "X denied a claim by Y that P"


@dataclass(frozen=True)
class Match:
    how: str  # denial | predicate | existence | figures
    strength: float  # 0..1: how directly the two contents are one proposition
    phrase: frozenset  # keys of the contested proposition (merging, echoes)
    opposite: bool
    first_asserts: bool = True  # the first of the two props is the asserting side


def _actor(ctx: DetectContext, claim: Claim) -> Optional[tuple[str, bool]]:
    """(party id, named) of a claim's speaker when it is an actor, else None."""
    sp = claim.speaker
    if sp is None:
        return None
    party = ctx.party_by_id.get(sp.party_id or "")
    kind = party.kind if party is not None else sp.kind
    if kind not in ACTOR_KINDS:
        return None
    words = fold(sp.text).split()
    if not words or (len(words) == 1 and words[0] in detection().pronoun_speakers | {"that", "this", "which"}):
        return None
    if words[0] in _NOBODY_IN_PARTICULAR or set(words) & extraction().evidence_subjects:
        return None
    named = bool(sp.name) and kind != "group"
    # a speaker no party was made for ("the union" of a one-article event) is still an actor
    return (party.id if party is not None else f"name:{' '.join(words)}"), named


def _is_question(claim: Claim) -> bool:
    cue = claim.cue.lemma if claim.cue else ""
    return claim.content.text.rstrip(" \"'”’").endswith("?") or cue in ("ask", "wonder", "question")


def _reported(claims: list[Claim]) -> set[str]:
    """Claims that take no part because another claim's content holds them or they hold one.

    A speech claim inside another claim's content is a report of it ("CNN reported that the
    clinic denied ..."): the clinic denies, CNN only reports, so the outer claim is left out.
    A belief or plan read inside someone's content ("Clinton: Trump doesn't know what he's
    talking about") is part of what that speaker says, not a position of its own: the inner
    one is left out. An embedded claim ("a claim by X that P") stays: it is X's claim.
    """
    speech = detection().speech_classes
    out: set[str] = set()
    for outer in claims:
        for inner in claims:
            if inner is outer or inner.embedded_in == outer.id or inner.cue is None or inner.cue.span is None:
                continue
            if not (outer.content.start <= inner.cue.span.start < outer.content.end):
                continue
            out.add(outer.id if inner.cue.cls in speech else inner.id)
    return out


# What a content says (its keys, asserted predicates, the thing it names) is read from the
# parse alone, and syndicated copies of an article carry the same contents word for word:
# each is read once per run, keyed by the text and token range (the values are frozen).
_Read = dict[tuple[str, int, int], Optional[tuple[frozenset, list[Predicate], Optional[Arg]]]]


def _prop(ctx: DetectContext, view: ArticleView, claim: Claim, read: Optional[_Read] = None) -> Optional[Prop]:
    actor = _actor(ctx, claim)
    if actor is None or _is_question(claim):
        return None
    toks = view.doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    if toks is None or len(toks) == 0:
        return None
    return _make(view, claim, actor[0], actor[1], toks, claim.content, read=read)


def _make(view: ArticleView, claim: Claim, party: str, named: bool, toks, span: Span,
          inferred: bool = False, read: Optional[_Read] = None) -> Optional[Prop]:
    where = (view.adoc.text, toks.start, toks.end)
    if read is not None and where in read:
        content = read[where]
    else:
        content = _read_content(toks)
        if read is not None:
            read[where] = content
    if content is None:
        return None
    keys, preds, thing = content
    denies = claim.cue is not None and claim.cue.cls == "denial" and not inferred
    sp = claim.speaker
    return Prop(claim, view, party, party, named, -1 if denies else 1, keys, preds, thing, toks.text, span,
                view.figures_in(toks), (sp.name or sp.text) if sp else "", inferred)


def _read_content(toks) -> Optional[tuple[frozenset, list[Predicate], Optional[Arg]]]:
    """(keys, asserted predicates, thing named) of a content, None when it has under two keys."""
    keys = frozenset(keys_of(toks))
    if len(keys) < 2:
        return None
    preds = _asserted(predicates(toks), toks)
    root = _content_root(toks)
    thing = None
    if not preds and root is not None and root.pos_ in ("NOUN", "PROPN"):
        thing = participant(root)
    return keys, preds, thing


def _asserted(preds: list[Predicate], toks) -> list[Predicate]:
    """The predicates a content states: its main verb and those coordinated with it, not
    verbs inside its subject, relative clauses or other subordinate phrases ("Not paying
    taxes makes me smart" states that something makes him smart, not that he pays)."""
    root = _content_root(toks)
    if root is None:
        return []
    main = {root.i}
    # "we did not issue a joint statement - instead, they released their own" parses with the
    # negated clause as the head's left complement: it is stated all the same
    main.update(c.i for c in root.lefts if c.dep_ in ("ccomp", "parataxis", "conj"))
    changed = True
    while changed:
        changed = False
        for t in toks:
            if t.i in main:
                continue
            # coordinated with what is stated, or the complement of a factive verb ("doesn't
            # want us to know that he paid nothing" takes it as given that he paid nothing)
            if (t.dep_ == "conj" and t.head.i in main) or \
                    (t.dep_ == "ccomp" and t.head.lemma_.lower() in _FACTIVE and t.head.i in toks_range(toks)):
                main.add(t.i)
                changed = True
    return [p for p in preds if p.verb in main]


def toks_range(toks) -> range:
    return range(toks.start, toks.end)


def _content_root(toks):
    """The word a content hangs from: its tokens governed from outside it, verbs first
    (a closing quote mark the parser made a root of its own is no content's head)."""
    outside = [t for t in toks if not (t.is_punct or t.is_space)
               and (t.head.i == t.i or not (toks.start <= t.head.i < toks.end))]
    for t in outside:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return outside[0] if outside else None


def _inferred_targets(ctx: DetectContext, view: ArticleView, prop: Prop,
                      read: Optional[_Read] = None) -> list[Prop]:
    """For a denial of "a claim by Y that P": Y's assertion of P, read from the sentence."""
    if prop.cue_sign > 0:
        return []
    sent = view.doc.char_span(prop.claim.sentence.start, prop.claim.sentence.end, alignment_mode="expand")
    if sent is None:
        return []
    out = []
    for tok in sent:
        if tok.lemma_.lower() not in detection().claim_nouns or tok.pos_ != "NOUN":
            continue
        holder = None
        for child in tok.children:
            if child.dep_ == "poss":
                holder = child
            elif child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                holder = next((g for g in child.children if g.dep_ == "pobj"), holder)
        if holder is None:
            continue
        phrase = view.doc[holder.left_edge.i:holder.i + 1]
        party = _party_for(ctx, phrase.text)
        if party is None or party == prop.actor:
            continue
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
        if clause is None:
            continue
        ctoks = view.doc[clause.left_edge.i:clause.right_edge.i + 1]
        kind = ctx.party_by_id[party].kind
        target = _make(view, prop.claim, party, kind != "group", ctoks, view.tok_span(phrase), inferred=True,
                       read=read)
        if target is not None:
            target.speaker_name = phrase.text
            out.append(target)
    return out


def _party_for(ctx: DetectContext, text: str) -> Optional[str]:
    folded = without_article(text)
    for party in ctx.parties:
        if party.kind not in ACTOR_KINDS:
            continue
        for n in [party.name] + list(party.aliases) + [m.name for m in party.members]:
            fn = without_article(n)
            if fn == folded or (len(fn) > 3 and names_compatible(fn, folded, 0.9) and party.kind != "person"):
                return party.id
    return None


def _same_actor(ctx: DetectContext, a: Prop, b: Prop) -> bool:
    if a.actor == b.actor:
        return True
    if a.speaker_name and b.speaker_name and names_compatible(a.speaker_name, b.speaker_name, 0.85):
        return True
    # a person and the party they belong to speak as one
    pa, pb = ctx.party_by_id.get(a.party_id), ctx.party_by_id.get(b.party_id)
    for x, y in ((pa, b), (pb, a)):
        if x is not None and any(names_compatible(m.name, y.speaker_name, 0.85) for m in x.members if y.speaker_name):
            return True
    return False


def _participant(arg: Optional[Arg], prop: Prop) -> Optional[Arg]:
    """A first-person participant is the claim's speaker ("we did not issue" by Meta)."""
    if arg is None or not arg.pronoun:
        return arg
    doc = prop.view.doc
    if doc[arg.head].lower_ in _FIRST_PERSON and prop.speaker_name:
        return Arg(arg.head, arg.start, arg.end, fold(prop.speaker_name), frozenset({fold(prop.speaker_name)}),
                   False, "PERSON", prop.speaker_name)
    return arg


def _one_thing(a: Arg, b: Arg, refs: Referents, adoc, bdoc) -> bool:
    """Participants of one proposition name one thing: the head word of one is a word of the
    other ("the deal" / "the trade deal"), or the names are one. A modifier in common is not
    enough: "reducing the corporate tax rate" and "increasing the tax liability" share
    "tax", not a thing."""
    if a.head_key == b.head_key or a.head_key in b.keys or b.head_key in a.keys:
        return True
    return bool(a.named and b.named and refs.same_name(a.name, adoc, b.name, bdoc))


def _one_person(arg: Arg, doc) -> bool:
    if arg.pronoun:
        return doc[arg.head].lower_ in lexicon().speakers.person_pronouns  # "he", "she"
    return arg.ent == "PERSON"


def _may_be(a: Optional[Arg], adoc, b: Optional[Arg], bdoc) -> bool:
    """Whether two participants could be one referent: one person ("he", a person's name) is
    never "the top 1 percent", "voters" or a company. Otherwise a pronoun is unknown, not a
    match, and so is a name against a description ("Reed", "the governor")."""
    if a is None or b is None:
        return True
    for x, xdoc, y, ydoc in ((a, adoc, b, bdoc), (b, bdoc, a, adoc)):
        if not _one_person(x, xdoc) or y.pronoun:
            continue
        if y.ent:
            return y.ent == "PERSON"
        head = ydoc[y.head]
        if head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in head.children):
            return False
    return True


def _roles(pa: Predicate, pb: Predicate):
    yield "subject", pa.subj, pb.subj
    yield "object", pa.obj, pb.obj
    for p, ra in pa.preps:
        for p2, rb in pb.preps:
            if p2 == p:
                yield p, ra, rb


def _predicate_match(a: Prop, b: Prop, refs: Referents) -> Optional[Match]:
    best: Optional[Match] = None
    light = detection().light_verbs
    adoc, bdoc = a.view.doc, b.view.doc
    for pa in a.preds:
        if pa.irrealis:
            continue  # "should release", "plans to release": no position on whether it happened
        antonyms = detection().antonyms.get(pa.key, frozenset())
        for pb in b.preds:
            if pb.irrealis:
                continue
            antonym = pb.key in antonyms
            if pb.key != pa.key and not antonym:
                continue
            shared: list[str] = []
            conflict = False
            keys: set[str] = set()
            for role, ra, rb in _roles(pa, pb):
                ra, rb = _participant(ra, a), _participant(rb, b)
                same = refs.same(ra, rb, adoc, bdoc) and _one_thing(ra, rb, refs, adoc, bdoc)
                if not same and role == "subject" and not _may_be(ra, adoc, rb, bdoc):
                    conflict = True
                    break
                if same:
                    shared.append(role)
                    keys |= set(ra.keys & rb.keys) or {ra.head_key}
                elif same is False and ra.named and rb.named and same_family(ra.ent, rb.ent):
                    conflict = True
            if conflict or not shared:
                continue
            has_other = any(x is not None for x in (pa.obj, pb.obj)) or pa.preps or pb.preps
            if shared == ["subject"] and has_other:
                continue  # the same actor doing different things is no one proposition
            if pa.key in light and len(shared) < 2:
                continue  # "is", "has": only the participants say what the proposition is
            pol_a = a.cue_sign * (-1 if pa.negated else 1)
            pol_b = b.cue_sign * (-1 if pb.negated else 1)
            opposite = (pol_a != pol_b) != antonym
            strength = min(1.0, 0.55 + 0.2 * len(shared))
            if not opposite and (refs.same(_participant(pa.subj, a), _participant(pb.subj, b), adoc, bdoc) is False
                                 or not _same_circumstances(pa, pb, a, b, refs)
                                 or not _incompatible_figures(_figures_of(a, pa), _figures_of(b, pb), adoc, bdoc)):
                continue  # different figures mean something only for one actor's one quantity
            m = Match("predicate" if opposite else "figures", strength,
                      frozenset(keys | {pa.key}), opposite, first_asserts=pol_a >= pol_b)
            if best is None or m.strength > best.strength:
                best = m
    return best


_WHEN = frozenset({"DATE", "TIME"})


def _circumstance(doc, arg) -> bool:
    """A place (a named one: the tagger often calls a city NORP) or a time (a date the one
    date reader finds, or a span of time: "in the last five days")."""
    head = doc[arg.head]
    if arg.place or arg.ent in _WHEN or head.ent_type_ in _WHEN or (head.pos_ == "PROPN" and arg.named):
        return True
    return head.lemma_.lower() in lexicon().numbers.time_heads or bool(dates(doc[arg.start:arg.end]))


def _same_circumstances(pa, pb, a: Prop, b: Prop, refs: Referents) -> bool:
    """Every place and time either side gives its figure ("killed in Aleppo in the last five
    days", "killed in one district on Thursday") the other gives too: otherwise the two
    figures count different things."""
    adoc, bdoc = a.view.doc, b.view.doc

    def circumstances(p, prop):
        doc = prop.view.doc
        return [_participant(arg, prop) for _, arg in p.preps if _circumstance(doc, arg)]

    ca, cb = circumstances(pa, a), circumstances(pb, b)
    return all(any(refs.same(x, y, adoc, bdoc) for y in cb) for x in ca) \
        and all(any(refs.same(x, y, adoc, bdoc) for x in ca) for y in cb)


def _existence_match(a: Prop, b: Prop, refs: Referents) -> Optional[Match]:
    """One names a thing, the other negates a predicate of that very thing."""
    for named, other in ((a, b), (b, a)):
        if named.thing is None:
            continue
        for p in other.preds:
            if p.irrealis:
                continue
            for arg in (p.obj, p.subj):
                if arg is None or arg.pronoun or arg.head_key != named.thing.head_key:
                    continue
                shared = (named.thing.keys & arg.keys)
                if len(shared) < 2:
                    continue
                pol_other = other.cue_sign * (-1 if p.negated else 1)
                if pol_other == named.cue_sign:
                    continue
                return Match("existence", 0.75, frozenset(shared), True, first_asserts=named is a)
    return None


def _figures_of(prop: Prop, pred: Predicate) -> list:
    """The figures inside the predicate's own participants ("20 states" of "targeted 20 states")."""
    spans = [(x.start, x.end) for x in pred.participants()]
    return [f for f in prop.figures if any(s <= f.start < e for s, e in spans)]


_LOWER = ("at least", "more than", "over", "above", "upwards of", "no fewer than", "no less than")
_UPPER = ("at most", "up to", "fewer than", "less than", "under", "below", "no more than")


def _interval(fig, doc) -> tuple[float, float]:
    """The values a figure allows: "at least 2" is [2, inf), "up to 50" (-inf, 50]."""
    before = " ".join(t.lower_ for t in doc[max(0, fig.start - 3):fig.start])
    if any(before.endswith(w) for w in _LOWER):
        return fig.value, float("inf")
    if any(before.endswith(w) for w in _UPPER):
        return float("-inf"), fig.value
    return fig.value, fig.value


def _incompatible_figures(fa_list: list, fb_list: list, adoc=None, bdoc=None) -> bool:
    for fa in fa_list:
        for fb in fb_list:
            if not fa.unit or fa.unit != fb.unit or same_value(fa, fb):
                continue
            if adoc is not None and bdoc is not None:
                (alo, ahi), (blo, bhi) = _interval(fa, adoc), _interval(fb, bdoc)
                if alo <= bhi and blo <= ahi:
                    continue  # "at least two" and "more than 20" can both be true
            return True
    return False


def _match(a: Prop, b: Prop, refs: Referents) -> Optional[Match]:
    if a.claim.id == b.claim.id:
        # "X denied a claim by Y that P": the denial is about Y's claim itself
        if a.inferred != b.inferred and (a.cue_sign < 0 or b.cue_sign < 0):
            target = a if a.inferred else b
            return Match("denial", 1.0, frozenset(target.keys), True, first_asserts=target is a)
        return None
    if a.claim.embedded_in == b.claim.id or b.claim.embedded_in == a.claim.id:
        inner, outer = (a, b) if a.claim.embedded_in == b.claim.id else (b, a)
        if outer.cue_sign < 0 and inner.cue_sign > 0:
            return Match("denial", 1.0, frozenset(inner.keys), True, first_asserts=inner is a)
        return None
    return _predicate_match(a, b, refs) or _existence_match(a, b, refs)


def detect_contradictions(ctx: DetectContext) -> tuple[list[Draft], Contested]:
    """The event's party contradictions, and what they contest (for the later phases)."""
    props: list[Prop] = []
    read: _Read = {}
    for view in ctx.views:
        skip = _reported(view.claims)
        for claim in view.claims:
            if claim.id in skip:
                continue
            p = _prop(ctx, view, claim, read)
            if p is None:
                continue
            props.append(p)
            props.extend(_inferred_targets(ctx, view, p, read))
    refs = Referents(ctx)
    drafts: list[Draft] = []
    # whether two props speak as one actor reads only their parties and speaker names, which
    # a large event repeats across thousands of candidate pairs: each combination once
    one_actor: dict[tuple, bool] = {}
    for i, j in _candidates(props):
        a, b = props[i], props[j]
        who = (a.actor, a.party_id, a.speaker_name, b.actor, b.party_id, b.speaker_name)
        same = one_actor.get(who)
        if same is None:
            same = one_actor[who] = _same_actor(ctx, a, b)
        if same:
            continue
        found = _match(a, b, refs)
        if found is not None:
            drafts.append(_draft(ctx, a, b, found))
    merged = _merge(drafts)
    sentences = _SentenceIndex(ctx.views) if merged else None
    for d in merged:
        _add_echoes(sentences, d)
    contested = Contested(frozenset(c for d in merged for c in d.claim_ids),
                          tuple(frozenset(d.key[2]) for d in merged))
    return merged, contested


def _candidates(props: list[Prop]) -> list[tuple[int, int]]:
    """Pairs of propositions worth comparing (blocking, not all pairs).

    Two claims about one thing share their distinctive words ("joint statement"),
    not just "said" or "government": each proposition looks its partners up by its
    rarest few content words only, which keeps the cost linear in the number of claims.
    A claim and the claim it embeds, or the one inferred from its denial, always pair.
    """
    pairs = set(candidate_pairs([p.keys for p in props], max_postings=MAX_POSTING, per_item=LOOKUP_KEYS))
    by_claim: dict[str, list[int]] = {}
    for k, p in enumerate(props):
        by_claim.setdefault(p.claim.id, []).append(k)
    for k, p in enumerate(props):
        for j in by_claim.get(p.claim.id, []) + by_claim.get(p.claim.embedded_in or "", []):
            if j != k:
                pairs.add((min(j, k), max(j, k)))
    return sorted(pairs)


def _draft(ctx: DetectContext, a: Prop, b: Prop, m: Match) -> Draft:
    pos, neg = (a, b) if m.first_asserts else (b, a)
    claim_conf = (a.claim.confidence + b.claim.confidence) / 2
    explicit = not (a.inferred or b.inferred)
    severity, conf = rate("party_contradiction", match=m.how, strength=m.strength, claim_conf=claim_conf,
                          explicit=explicit, named=a.named and b.named, figures_only=not m.opposite)
    pname = ctx.party_name(pos.party_id) or pos.speaker_name or "one party"
    nname = ctx.party_name(neg.party_id) or neg.speaker_name or "another party"
    if not m.opposite:
        summary = f"{pname} and {nname} give different figures: {q(a.text, 50)} vs {q(b.text, 50)}"
    elif m.how == "denial":
        summary = f"{nname} denies a claim by {pname}: {q(pos.text, 70)}"
    else:
        summary = f"{pname} asserts {q(pos.text, 60)}; {nname} denies it: {q(neg.text, 60)}"
    evidence = [pos.span, neg.span] if pos.span != neg.span else [pos.span]
    for p in (pos, neg):
        if p.claim.content not in evidence:
            evidence.append(p.claim.content)
    parties = [x for x in dict.fromkeys([pos.party_id, neg.party_id]) if x]
    key = ("contra", frozenset({a.actor, b.actor}), m.phrase)
    return Draft("party_contradiction", severity, conf, summary, evidence, parties,
                 list(dict.fromkeys([pos.claim.id, neg.claim.id])), key=key)


def _merge(drafts: list[Draft]) -> list[Draft]:
    """Same two actors, overlapping key phrase: one contradiction."""
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda x: (-x.confidence, x.summary)):
        for m in out:
            if m.key[1] == d.key[1] and m.key[2] & d.key[2]:
                m.evidence += [sp for sp in d.evidence if sp not in m.evidence]
                m.claim_ids = list(dict.fromkeys(m.claim_ids + d.claim_ids))
                m.party_ids = list(dict.fromkeys(m.party_ids + d.party_ids))
                if d.severity == "high" and m.severity != "high":
                    m.severity, m.summary = d.severity, d.summary
                break
        else:
            out.append(d)
    return out


class _SentenceIndex:
    """Sentences of every article, found by their content words."""

    def __init__(self, views):
        self._by_word: dict[str, list[tuple[int, object]]] = {}
        self.views = list(views)
        for vi, view in enumerate(self.views):
            for sent in view.sentences:
                for w in sent.keys:
                    self._by_word.setdefault(w, []).append((vi, sent))

    def stating(self, phrase: frozenset):
        """(view, sentence) pairs whose sentence holds every word of ``phrase``, in text order."""
        postings = [self._by_word.get(w, []) for w in phrase]
        rarest = min(postings, key=len) if postings else []
        return [(self.views[vi], s) for vi, s in rarest if phrase <= s.keys]


def _add_echoes(index: _SentenceIndex, d: Draft) -> None:
    """Sentences of articles not yet in the evidence that state the contested phrase.

    At most ``ECHOES`` sentences from each of ``ECHO_ARTICLES`` articles: enough to
    show how the other articles tell it without burying the two claims.
    """
    cited = {sp.article_id for sp in d.evidence}
    per_article: dict[str, int] = {}
    for view, sent in index.stating(d.key[2]):
        aid = view.article.id
        if aid in cited:
            continue
        if aid not in per_article and len(per_article) >= ECHO_ARTICLES:
            continue
        if per_article.get(aid, 0) >= ECHOES:
            continue
        per_article[aid] = per_article.get(aid, 0) + 1
        d.evidence.append(sent.span())
