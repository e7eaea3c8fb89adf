"""party_contradiction: two parties assert and deny (or give incompatible versions of) one proposition.

Claims from every article take part, so a contradiction can sit inside one
article ("Meta denied a claim by the Kazakh government that ...") or across
articles. Two claims state the same proposition when they share a key phrase
(a noun chunk of two or more content words: "joint statement", "exclusive
access") or most of their content words. Polarity is negative for a denial
or a negated claim. Opposite polarity from different parties is a
contradiction; equal polarity with different figures for the same thing is
one too ("incompatible versions").

"X denied a claim by Y that P" is a contradiction between X and Y about P even
when extraction did not return Y's embedded claim: Y is read from the
"claim(s)/allegation(s) by|from|of Y" phrase next to the denial and matched to
a party by its aliases.

Evidence: both claims, plus every sentence of the other articles that states
the same key phrase, so a reader sees how each article tells it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from claimrec.align.blocking import candidate_pairs
from claimrec.detect.context import ArticleView, DetectContext
from claimrec.detect.draft import Contested, Draft
from claimrec.detect.severity import rate
from claimrec.detect.wording import q
from claimrec.models import Claim, Span
from claimrec.text.keys import base_key, keys_of
from claimrec.text.lookups import detection
from claimrec.text.normalize import fold, names_compatible, words
from claimrec.text.quantities import same_value

OVERLAP = 0.5  # Jaccard of content words for claims without a shared key phrase
MIN_SHARED = 3
ECHOES = 2  # sentences quoted per other article
ECHO_ARTICLES = 5  # other articles quoted at most
LOOKUP_KEYS = 4  # rarest content words a proposition looks its partners up by
MAX_POSTING = 60  # a word in more claims than this is no lookup key


@dataclass(eq=False)
class Prop:
    """One claim as a proposition: who, which way, about what."""

    claim: Claim
    actor: str  # party id, or a folded speaker name when parties are not resolved
    party_id: Optional[str]
    polarity: int
    keys: frozenset
    phrases: list  # frozensets of 2+ content keys
    text: str
    span: Span
    figures: list
    inferred: bool = False


def _phrases(view: ArticleView, toks) -> list[frozenset]:
    out = []
    for chunk in view.noun_chunks(toks.start, toks.end):
        keys = keys_of(chunk)
        if len(keys) >= 2:
            out.append(frozenset(keys))
    return out


def _actor(ctx: DetectContext, claim: Claim) -> Optional[str]:
    sp = claim.speaker
    if sp is None:
        return None
    if sp.party_id:
        return sp.party_id
    name = sp.name or (None if fold(sp.text) in detection().pronoun_speakers else sp.text)
    return f"name:{fold(name)}" if name else None


def _prop(ctx: DetectContext, view: ArticleView, claim: Claim) -> Optional[Prop]:
    actor = _actor(ctx, claim)
    if actor is None or view.doc is None:
        return None
    toks = view.doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    if toks is None:
        return None
    keys = frozenset(keys_of(toks))
    if len(keys) < 2:
        return None
    polarity = -1 if claim.stance == "deny" or claim.negated else 1
    return Prop(claim, actor, claim.speaker.party_id, polarity, keys, _phrases(view, toks), claim.content.text,
                claim.content, view.figures_in(toks))


def _party_name_keys(ctx: DetectContext) -> list[frozenset]:
    """Content words of every party name and alias: a name is not a proposition."""
    out = []
    for party in ctx.parties:
        for n in [party.name] + list(party.aliases) + [m.name for m in party.members]:
            keys = frozenset(base_key(w) for w in words(n) if w not in detection().name_stopwords)
            if keys:
                out.append(keys)
    return out


class _NameIndex:
    """Party-name key sets, found by any of their words.

    A party's name is not a proposition ("the Kazakh government" in two
    claims says nothing about what they claim), so name words are taken out of
    the comparison. Looking names up by word keeps that cost independent of
    how many parties the event has.
    """

    def __init__(self, names: list[frozenset]):
        self._by_word: dict[str, list[frozenset]] = {}
        for n in set(names):
            for w in n:
                self._by_word.setdefault(w, []).append(n)

    def holding(self, keys: frozenset) -> list[frozenset]:
        """Names all of whose words are in ``keys``."""
        seen = {n for w in keys for n in self._by_word.get(w, ())}
        return [n for n in seen if n <= keys]

    def is_name(self, phrase: frozenset) -> bool:
        """True when ``phrase`` is part of some party name."""
        word = next(iter(phrase))
        return any(phrase <= n for n in self._by_word.get(word, ()))


def _same_proposition(a: Prop, b: Prop, names: _NameIndex) -> tuple[float, frozenset]:
    for pa in a.phrases:
        if names.is_name(pa):
            continue
        for pb in b.phrases:
            if pa <= pb or pb <= pa:
                return 1.0, pa if len(pa) <= len(pb) else pb
    shared = a.keys & b.keys
    if len(shared) < MIN_SHARED:
        return 0.0, frozenset()
    for n in names.holding(shared):
        shared = shared - n
    if len(shared) >= MIN_SHARED and len(shared) / len(a.keys | b.keys) >= OVERLAP:
        return 0.6, frozenset(shared)
    return 0.0, frozenset()


def _incompatible_figures(a: Prop, b: Prop) -> bool:
    for fa in a.figures:
        for fb in b.figures:
            if fa.unit and fa.unit == fb.unit and not same_value(fa, fb):
                return True
    return False


def _inferred_targets(ctx: DetectContext, view: ArticleView, prop: Prop) -> list[Prop]:
    """For a denial of "a claim by Y that P": Y's assertion of P, read from the sentence."""
    if prop.polarity > 0 or view.doc is None:
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
        keys = frozenset(keys_of(ctoks))
        if len(keys) < 2:
            continue
        out.append(Prop(prop.claim, party, party, 1, keys, _phrases(view, ctoks), ctoks.text,
                        view.tok_span(phrase), view.figures_in(ctoks), inferred=True))
    return out


def _party_for(ctx: DetectContext, text: str) -> Optional[str]:
    folded = fold(text)
    for art in ("the ", "a ", "an "):
        if folded.startswith(art):
            folded = folded[len(art):]
    best = None
    for party in ctx.parties:
        names = [party.name] + list(party.aliases) + [m.name for m in party.members]
        for n in names:
            fn = fold(n)
            for art in ("the ", "a ", "an "):
                if fn.startswith(art):
                    fn = fn[len(art):]
            if fn == folded or (len(fn) > 3 and names_compatible(fn, folded, 0.9) and party.kind != "person"):
                best = party.id
                break
        if best:
            return best
    return None


def detect_contradictions(ctx: DetectContext) -> tuple[list[Draft], Contested]:
    """The event's party contradictions, and what they contest (for the later phases)."""
    props: list[Prop] = []
    for view in ctx.views:
        for claim in view.claims:
            p = _prop(ctx, view, claim)
            if p is None:
                continue
            props.append(p)
            props.extend(_inferred_targets(ctx, view, p))
    names = _NameIndex(_party_name_keys(ctx))
    drafts: list[Draft] = []
    for i, j in _candidates(props):
        a, b = props[i], props[j]
        if a.actor == b.actor or a.claim.id == b.claim.id and not (a.inferred or b.inferred):
            continue
        score, phrase = _same_proposition(a, b, names)
        if not score:
            continue
        opposite = a.polarity != b.polarity
        if not opposite and not _incompatible_figures(a, b):
            continue
        drafts.append(_draft(ctx, a, b, score, phrase, opposite))
    merged = _merge(drafts)
    sentences = _SentenceIndex(ctx.views) if merged else None
    for d in merged:
        _add_echoes(sentences, d)
    contested = Contested(frozenset(c for d in merged for c in d.claim_ids),
                          tuple(frozenset(d.key[2]) for d in merged))
    return merged, contested


def _candidates(props: list[Prop]) -> list[tuple[int, int]]:
    """Pairs of propositions worth comparing (blocking, not all pairs).

    Two claims about one thing share their distinctive words ("joint
    statement"), not just "said" or "government": each proposition looks its
    partners up by its rarest few content words only, which keeps the cost
    linear in the number of claims.
    """
    return candidate_pairs([p.keys for p in props], max_postings=MAX_POSTING,
                           per_item=LOOKUP_KEYS)


def _draft(ctx: DetectContext, a: Prop, b: Prop, score: float, phrase: frozenset, opposite: bool) -> Draft:
    pos, neg = (a, b) if a.polarity >= b.polarity else (b, a)
    explicit = any(p.claim.stance == "deny" for p in (a, b))
    claim_conf = (a.claim.confidence + b.claim.confidence) / 2
    inferred = a.inferred or b.inferred
    severity, conf = rate("party_contradiction", phrase=score, explicit=explicit, claim_conf=claim_conf,
                          inferred=inferred, figures_only=not opposite)
    pname = ctx.party_name(pos.party_id) or (pos.claim.speaker.text if pos.claim.speaker else "one party")
    nname = ctx.party_name(neg.party_id) or (neg.claim.speaker.text if neg.claim.speaker else "another party")
    if inferred and pos.inferred:
        pname = pos.span.text
    if opposite:
        summary = (f"{pname} asserts {q(pos.text, 60)}; {nname} denies it: {q(neg.text, 60)}"
                   if not pos.inferred else
                   f"{nname} denies a claim by {pname}: {q(neg.text, 70)}")
    else:
        summary = f"{pname} and {nname} give different figures: {q(a.text, 50)} vs {q(b.text, 50)}"
    evidence = [pos.span, neg.span] if pos.span != neg.span else [pos.span]
    for p in (pos, neg):
        if p.claim.content not in evidence:
            evidence.append(p.claim.content)
    parties = [x for x in dict.fromkeys([pos.party_id, neg.party_id]) if x]
    key = ("contra", frozenset({a.actor, b.actor}), phrase)
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
