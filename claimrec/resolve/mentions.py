"""Actor mentions: where an article names a person, organisation, government or group.

Two sources feed party resolution: the parse of each article (named
entities, government and company noun phrases, titled names, groups with a
qualifier) and the speakers of extracted claims. Both become
:class:`Mention` s placed at character offsets of the article body, so
references ("the company", "the government") can be resolved to what the
article last named.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from claimrec.models import Article, Claim
from claimrec.resolve.phrases import Phrase, classify, find_country, words_of
from claimrec.text.arrays import indices_where, noun_chunks
from claimrec.text.lookups import parties as party_tables
from claimrec.text.normalize import norm

# a phrase in one of these dependency roles acts or speaks in the sentence
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "ROOT"})
_AGENT_PREPS = frozenset({"by", "from", "according"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


@dataclass
class Mention:
    article: int
    article_id: str
    start: int
    end: int
    text: str
    phrase: Phrase
    actor: bool = False
    speakers: list[int] = field(default_factory=list)  # indexes of claims this mention speaks
    affiliation: Optional["Mention"] = None  # the organisation a person or role belongs to
    subject: bool = False  # grammatical subject: the most salient position for later "the company"

    @property
    def kind(self) -> str:
        return self.phrase.kind


def _no_newline_start(doc, start: int, end: int) -> int:
    """Move a token range's start past any line break inside it (a heading is not a modifier)."""
    for i in range(end - 1, start, -1):
        if "\n" in doc[i - 1].whitespace_ or "\n" in doc[i - 1].text:
            return i
    return start


def _is_actor(tok) -> bool:
    seen = 0
    while seen < 4:
        if tok.dep_ in _ACTOR_DEPS:
            return True
        if tok.dep_ == "pobj" and (tok.head.lower_ in _AGENT_PREPS or tok.head.head.lower_ == "according"):
            return True
        if tok.dep_ in ("conj", "appos") and tok.head is not tok:
            tok, seen = tok.head, seen + 1
            continue
        return False
    return False


class _DocScanner:
    """Finds actor mentions in one parsed article."""

    def __init__(self, index: int, article: Article, doc) -> None:
        self.index = index
        self.article = article
        self.doc = doc
        self.text = article.text
        self.used: set[int] = set()
        self.out: list[Mention] = []
        self.lex = party_tables()
        self.places = place_names(doc)

    def _mention(self, start_tok: int, end_tok: int, phrase: Phrase, actor: bool) -> Mention:
        start = self.doc[start_tok].idx
        last = self.doc[end_tok - 1]
        end = last.idx + len(last.text)
        if self.text[end - 2 : end] in ("'s", "\u2019s") and phrase.kind != "group":
            end -= 2
        m = Mention(self.index, self.article.id, start, end, self.text[start:end], phrase, actor)
        self.used.update(range(start_tok, end_tok))
        return m

    def _free(self, a: int, b: int) -> bool:
        return self.used.isdisjoint(range(a, b))

    def _place(self, span) -> bool:
        """A city or region the parse tags as a place somewhere in the article is no organisation."""
        return norm(span.text) in self.places and not self.lex.country(span.text)

    def scan(self) -> list[Mention]:
        ents = self.doc.ents  # a new tuple of Spans at every read
        for ent in ents:
            if ent.label_ == "PERSON":
                self._person(ent.start, ent.end)
        self._untagged_titled_people()
        for ent in ents:
            if ent.label_ == "ORG" and self._free(ent.start, ent.end):
                self._organisation(ent.start, ent.end)
        for chunk in noun_chunks(self.doc):
            if self._free(chunk.root.i, chunk.root.i + 1):
                self._chunk(chunk)
        self.out.sort(key=lambda m: (m.start, m.end))
        return self.out

    # --- people -----------------------------------------------------------------------------
    def _person(self, a: int, b: int) -> None:
        doc, lex = self.doc, self.lex
        span = doc[a:b]
        if lex.country(span.text) or (b - a == 1 and doc[a].pos_ != "PROPN"):
            return
        root = span.root
        # titles and affiliations written in front: "Information Minister", "Meta spokesman"
        left = a
        while left > 0:
            t = doc[left - 1]
            if t.dep_ in ("compound", "amod", "nmod", "case") and left <= t.head.i < b and "\n" not in t.whitespace_:
                left -= 1
            else:
                break
        phrase = classify(doc[left:b].text, "PERSON")
        if phrase is None or phrase.kind != "person":
            return
        # the name is the entity itself; words in front are titles or employers ("Republican")
        own = classify(span.text, "PERSON")
        if own is not None and own.kind == "person":
            phrase.name = own.name
        mention = self._mention(a, b, phrase, True)
        if left < a:
            mention.start, mention.text = doc[left].idx, self.text[doc[left].idx:mention.end]
            mention.phrase.title = mention.phrase.title or doc[left:a].text
            mention.phrase.title_kind = mention.phrase.title_kind or (lex.title_kind(words_of(doc[left:a].text)) or "")
            self.used.update(range(left, a))
            # a minister's or deputy's capitalised words are a portfolio ("Information"), not an employer
            if mention.phrase.title_kind not in ("government", "legislature", "honorific"):
                mention.affiliation = self._named_org(left, a)
        self._appositive(root, mention)
        self.out.append(mention)

    def _appositive(self, root, mention: Mention) -> None:
        """ "X, <title> at/of ORG", "ORG's <title> X", "X, a spokesman for ORG"."""
        lex = self.lex
        candidates = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            candidates.append(root.head)
        for title_tok in candidates:
            if title_tok.i in range(mention.start, mention.end):
                continue
            if not lex.title_kind([title_tok.text]):
                continue
            sub = [t for t in title_tok.subtree if not (root.left_edge.i <= t.i <= root.right_edge.i)] \
                if title_tok is root.head else list(title_tok.subtree)
            if not sub:
                continue
            affiliation = None
            for child in title_tok.children:
                if child.dep_ in ("poss", "compound") and child.pos_ == "PROPN" and child.ent_type_ in ("ORG", "GPE", "NORP"):
                    affiliation = self._org_phrase(child.left_edge.i, child.i + 1)
                elif child.dep_ == "prep" and child.lower_ in ("at", "of", "for", "with"):
                    objs = [g for g in child.children if g.dep_ == "pobj"]
                    if objs and objs[0].pos_ in ("PROPN", "NOUN"):
                        affiliation = self._org_phrase(objs[0].left_edge.i, objs[0].right_edge.i + 1)
                if affiliation is not None:
                    break
            title_tokens = [t for t in sub if t.dep_ not in ("det", "punct")
                            and not (affiliation and affiliation.start <= t.idx < affiliation.end)
                            and t.dep_ != "case"]
            if title_tokens and not mention.phrase.title:
                a, b = title_tokens[0].i, title_tokens[-1].i + 1
                mention.phrase.title = self.doc[a:b].text
                mention.phrase.title_kind = lex.title_kind([title_tok.text]) or ""
            if affiliation is not None and mention.affiliation is None:
                mention.affiliation = affiliation
            return

    def _named_org(self, a: int, b: int) -> Optional[Mention]:
        """An organisation or government named among title tokens ("Meta spokesman", "Kazakh")."""
        doc = self.doc
        proper = [i for i in range(a, b) if doc[i].pos_ == "PROPN" and not self.lex.title_kind([doc[i].text])]
        country = find_country([doc[i].text for i in range(a, b)])
        # employers named in front of a title must be organisations to the tagger, not any
        # capitalised word ("Rival Hillary Clinton", "Democratic pollster")
        proper = [i for i in proper if doc[i].ent_type_ == "ORG"] if country is None else proper
        if not proper:
            return None
        if country is not None:
            m = Mention(self.index, self.article.id, doc[proper[0]].idx,
                        doc[proper[-1]].idx + len(doc[proper[-1]].text),
                        doc[proper[0]:proper[-1] + 1].text,
                        Phrase(kind="government", name=country.name, country=country.name, head="government"))
            self.out.append(m)
            return m
        return self._org_phrase(proper[0], proper[-1] + 1)

    def _org_phrase(self, a: int, b: int) -> Optional[Mention]:
        phrase = classify(self.doc[a:b].text, "ORG")
        if phrase is None or phrase.kind not in ("organisation", "government", "legislature", "org_ref"):
            return None
        m = self._mention(a, b, phrase, True)
        self.out.append(m)
        return m

    def _untagged_titled_people(self) -> None:
        """ "Deputy Aidos Sarym": a title in front of proper nouns the tagger left unlabelled."""
        doc, lex = self.doc, self.lex
        for i in indices_where(doc, "DEP", ["compound"]):
            t = doc[i]
            if not (t.text[:1].isupper() and t.head.pos_ == "PROPN"
                    and t.head.i > t.i and t.head.ent_type_ == ""):
                continue
            kind = lex.title_kind([t.text])
            if kind not in ("government", "legislature", "honorific", "organisation"):
                continue
            if not all(doc[i].pos_ == "PROPN" and doc[i].ent_type_ == "" for i in range(t.i + 1, t.head.i + 1)):
                continue
            if not self._free(t.i, t.head.i + 1):
                continue
            self._person(t.i + 1, t.head.i + 1)

    # --- organisations and governments ----------------------------------------------------------
    def _organisation(self, a: int, b: int) -> None:
        doc = self.doc
        span = doc[a:b]
        if self.lex.country(span.text) or self._place(span):
            return
        root = span.root
        # owners, countries and descriptors in front: "Facebook owner", "Kazakhstan's", "news site"
        left = a
        for child in root.lefts:
            if child.i < a and child.dep_ in ("compound", "amod", "poss", "nmod"):
                left = min(left, child.left_edge.i)
        while left < a and doc[left].pos_ == "DET":
            left += 1
        left = _no_newline_start(doc, left, b)
        phrase = classify(doc[left:b].text, "ORG")
        if phrase is None or phrase.kind in ("person", "group", "role"):
            return
        m = self._mention(left, b, phrase, _is_actor(root))
        m.subject = root.dep_ in ("nsubj", "nsubjpass")
        self.out.append(m)

    def _chunk(self, chunk) -> None:
        doc, lex = self.doc, self.lex
        root = chunk.root
        if root.dep_ == "compound":
            return
        lemma = root.lemma_.lower()
        low = root.lower_
        # most chunks name no actor at all: the head's lemma decides that before any walk
        # over the chunk's tokens or the head's children
        if not (lemma in lex.government_heads or low in lex.government_heads or lemma in lex.legislature_heads
                or lemma in lex.roles or low in lex.group_nouns or lemma in lex.company_refs
                or lemma in lex.company_heads):
            return
        start = _no_newline_start(doc, chunk.start, chunk.end)
        dets = {c.lower_ for c in root.children if c.dep_ == "det"}
        if lemma in lex.government_heads or low in lex.government_heads or lemma in lex.legislature_heads:
            if root.tag_ in _PLURAL_TAGS and low not in lex.government_heads:
                return
            if dets & {"a", "an", "any", "every", "each", "no"}:
                return
            if low in lex.qualified_government_heads and not root.text[:1].isupper() and not any(
                    c.dep_ in ("poss", "compound", "amod", "nmod") for c in root.lefts):
                return  # "had the authority to" is power, not a government
            # bare "government" ("independently of government") is the institution in general
            if not dets and not root.text[:1].isupper() and not any(
                    c.dep_ in ("poss", "compound", "amod", "nmod") for c in root.lefts):
                return
            end = chunk.end
            for child in root.children:  # "the government of Kazakhstan"
                if child.dep_ == "prep" and child.lower_ == "of":
                    objs = [g for g in child.children if g.dep_ == "pobj"]
                    if objs and find_country([objs[0].text]):
                        end = objs[0].right_edge.i + 1
            phrase = classify(doc[start:end].text)
            if phrase is not None and phrase.kind in ("government", "legislature"):
                self.out.append(self._mention(start, end, phrase, True))
            return
        if lemma in lex.roles:
            self._role(chunk, start)
            return
        if low in lex.group_nouns and root.pos_ in ("NOUN", "PROPN"):
            self._group(chunk, start)
            return
        if lemma in lex.company_refs and "the" in dets and root.tag_ not in _PLURAL_TAGS:
            modifiers = [c for c in root.children if c.dep_ in ("compound", "amod", "poss")]
            if all(c.pos_ != "PROPN" or find_country([c.text]) for c in modifiers):
                phrase = classify(doc[start:chunk.end].text)
                if phrase is not None and phrase.kind == "org_ref":
                    m = self._mention(start, chunk.end, phrase, _is_actor(root))
                    m.subject = root.dep_ in ("nsubj", "nsubjpass")
                    self.out.append(m)
            return
        if lemma in lex.company_heads:
            # "local news site Zakon.kz": a descriptor with the name in apposition
            names = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            if names and self._free(names[0].left_edge.i, names[0].right_edge.i + 1):
                n = names[0]
                phrase = classify(doc[n.left_edge.i:n.right_edge.i + 1].text, "ORG")
                if phrase is not None and phrase.kind == "organisation":
                    m = self._mention(n.left_edge.i, n.right_edge.i + 1, phrase, _is_actor(root))
                    m.start, m.text = doc[start].idx, self.text[doc[start].idx:m.end]
                    self.out.append(m)

    def _role(self, chunk, start: int) -> None:
        """ "a company spokesperson", "a spokesman for Meta": an anonymous voice of an organisation."""
        doc = self.doc
        root = chunk.root
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in root.children):
            return
        if root.dep_ == "appos" and (root.head.ent_type_ == "PERSON" or root.head.i in self.used):
            return  # "Andy Stone, a spokesman for Meta": the title of a named person
        end = chunk.end
        post = self.lex.postmodifiers
        for child in root.children:
            if child.i > root.i and ((child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "with"))
                                     or child.lower_ in post):
                end = max(end, child.right_edge.i + 1)
        phrase = classify(doc[start:end].text)
        if phrase is None or phrase.kind != "role" or (phrase.affiliation is None and not phrase.qualifier):
            return
        m = self._mention(start, end, phrase, _is_actor(root))
        aff = phrase.affiliation
        if aff is not None and aff.kind in ("organisation", "government", "legislature", "org_ref"):
            m.affiliation = Mention(self.index, self.article.id, m.start, m.end, m.text, aff, True)
        self.out.append(m)

    def _group(self, chunk, start: int) -> None:
        """Groups count only with a qualifier ("critics of the bill", "the bill's authors")."""
        doc = self.doc
        root = chunk.root
        end = chunk.end
        qualified = False
        following = [doc[root.i + 1]] if root.i + 1 < len(doc) and doc[root.i + 1].lower_ == "of" else []
        # an "of" right after the noun qualifies it even when the parser hung it elsewhere
        for child in list(root.children) + following:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs and objs[0].lower_ not in party_tables().pronouns:
                    end, qualified = max(end, objs[0].right_edge.i + 1), True
            elif child.dep_ == "poss" and child.lower_ not in party_tables().pronouns:
                qualified = True
            elif child.dep_ == "compound" and child.pos_ == "NOUN":
                qualified = True
        if not qualified:
            return
        phrase = classify(doc[start:end].text)
        if phrase is not None and phrase.kind == "group" and not phrase.group_key.endswith("|"):
            self.out.append(self._mention(start, end, phrase, _is_actor(root)))


def doc_mentions(index: int, article: Article, doc) -> list[Mention]:
    """Actor mentions found in one article's parse (empty when the doc is not of this text)."""
    if doc is None or doc.text != article.text:
        return []
    return _DocScanner(index, article, doc).scan()


def place_names(doc) -> frozenset[str]:
    """Normalised names the parse tags as places (GPE, LOC, FAC) anywhere in the article."""
    if doc is None:
        return frozenset()
    return frozenset(norm(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC"))


def dominant_country(doc) -> Optional[str]:
    """The country an article is mostly about: most named (GPE, NORP, demonyms), first on ties."""
    if doc is None:
        return None
    lex = party_tables()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP") or (ent.label_ in ("ORG", "PERSON") and len(ent) == 1):
            country = lex.country(ent.text)
            if country:
                counts[country.name] += 1
                first.setdefault(country.name, ent.start)
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], first[c]))


def speaker_mentions(
    claims: list[Claim], article_index: dict[str, int], found: dict[int, list[Mention]],
    indices: Optional[Iterable[int]] = None,
    places: Optional[dict[int, frozenset[str]]] = None,
) -> list[Mention]:
    """Mentions for claim speakers; a speaker whose span overlaps a mention found in the parse
    is attached to it (so parse and extractor agree), others become mentions of their own.

    ``indices`` limits the work to those claims (one article's, say); mentions keep
    the claims' indices into the whole ``claims`` list."""
    out: list[Mention] = []
    for ci in (range(len(claims)) if indices is None else indices):
        claim = claims[ci]
        sp = claim.speaker
        if sp is None or claim.article_id not in article_index:
            continue
        ai = article_index[claim.article_id]
        if sp.span is not None:
            hit = _overlapping(found.get(ai, []), sp.span.start, sp.span.end, sp.kind)
            if hit is not None and not _pronoun(sp.text):
                hit.speakers.append(ci)
                if hit.phrase.kind == "person" and hit.affiliation is None and sp.affiliation:
                    hit.affiliation = _affiliation_mention(ai, claim, sp.affiliation, hit.start)
                continue
        phrase = None
        here = (places or {}).get(ai, frozenset())
        for text in _speaker_texts(sp):
            if norm(text) in here and not party_tables().country(text):
                continue  # "Manhattan" for "the clinic": a place speaks for no one
            phrase = classify(text, sp.kind if sp.kind != "unknown" else None)
            if phrase is not None:
                break
        if phrase is None:
            continue
        if phrase.kind == "person" and not phrase.title and sp.title:
            phrase.title = sp.title
            phrase.title_kind = party_tables().title_kind(words_of(sp.title)) or ""
        start = sp.span.start if sp.span else claim.sentence.start
        end = sp.span.end if sp.span else claim.sentence.start
        surface = sp.span.text if sp.span else sp.text
        if _pronoun(surface):
            surface = ""  # "he" is not a name of anyone
        m = Mention(ai, claim.article_id, start, end, surface, phrase, True, speakers=[ci])
        if phrase.kind == "person" and sp.affiliation:
            m.affiliation = _affiliation_mention(ai, claim, sp.affiliation, start)
        elif phrase.kind == "role" and phrase.affiliation is not None:
            m.affiliation = Mention(ai, claim.article_id, start, end, surface, phrase.affiliation, True)
        out.append(m)
    return out


def _anonymous(text: Optional[str]) -> bool:
    if not text:
        return False
    phrase = classify(text)
    return (phrase is not None and phrase.kind == "role" and phrase.affiliation is None
            and phrase.head in party_tables().anonymous_roles)


def _pronoun(text: str) -> bool:
    return norm(text) in party_tables().pronouns


def _speaker_texts(sp) -> Iterable[str]:
    """Named forms first: a resolved pronoun's antecedent beats the pronoun; but "the source"
    is the anonymous source, not whoever the sentence before named."""
    surface = sp.span.text if sp.span is not None else sp.text
    if _anonymous(surface):
        yield surface
    for text in (sp.name, sp.resolved_from if not _pronoun(sp.resolved_from or "") else None, sp.text):
        if text and not _pronoun(text):
            yield text


def _affiliation_mention(ai: int, claim: Claim, text: str, at: int) -> Optional[Mention]:
    phrase = classify(text, "ORG")
    if phrase is None or phrase.kind not in ("organisation", "government", "legislature", "org_ref"):
        return None
    return Mention(ai, claim.article_id, at, at, text, phrase, True)


_KIND_FAMILY = {"person": {"person", "role"}, "organisation": {"organisation", "org_ref"},
                "government": {"government", "legislature"}, "group": {"group"}}


def _overlapping(mentions: list[Mention], start: int, end: int, kind: str = "unknown") -> Optional[Mention]:
    """The parse mention a speaker span stands for: one of the speaker's kind if any, else a
    person (the most specific actor in "Deputy X, one of the bill's authors"), else the first."""
    hits = [m for m in mentions if min(end, m.end) - max(start, m.start) > 0]
    if not hits:
        return None
    family = _KIND_FAMILY.get(kind)
    for pool in ([m for m in hits if family and m.kind in family],
                 [m for m in hits if m.kind == "person"], hits):
        if pool:
            return min(pool, key=lambda m: (m.start, -m.end))
    return None
