"""What kind of actor a phrase names: person, organisation, government, group, role, or a reference.

Works on the text alone (plus an optional entity label), so speakers from
claim extraction and phrases found in the parse go through the same rules:

- "the Kazakh government", "the Nur-Sultan cabinet", "Kazakhstan's Ministry of X"
  -> government of a country (demonym, capital or country name; a capital's
  cabinet is the national government); "the government", "the authorities"
  -> government whose country the context decides;
- "Facebook owner Meta Platforms", "Facebook's Meta" -> organisation "meta
  platforms" / "meta" owning the brand "Facebook";
- "a company spokesperson", "a spokesman for Meta" -> role inside an organisation;
- "critics of the bill", "the bill's authors" -> group keyed by noun and qualifier;
- "the company", "the firm" -> org reference, resolved to the salient organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Optional

from claimrec.resolve.names import org_core, parse_person
from claimrec.text.lookups import CountryName as Country
from claimrec.text.lookups import parties as party_tables
from claimrec.text.normalize import norm

_BRACKETED = re.compile(r"\([^()]*\)")
_WORD = re.compile(r"[^\W_][\w'\u2019.\-&]*", re.UNICODE)


@dataclass
class Phrase:
    """The actor a phrase names, before it is tied to a place in an article."""

    kind: str  # person organisation government legislature group role org_ref gov_ref
    name: str = ""  # person display name, organisation core, group label
    title: str = ""
    title_kind: str = ""
    country: str = ""  # for government / legislature; "" = decided by context
    head: str = ""  # the noun that made the call (cabinet, parliament, spokesperson, critics)
    group_key: str = ""
    qualifier: str = ""  # what an anonymous role is defined by: "close to the doctor"
    brands: list[str] = field(default_factory=list)
    affiliation: Optional["Phrase"] = None


def words_of(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text.replace("\u2019", "'")):
        w = w.rstrip(".,;:") if not re.fullmatch(r"(?:[A-Z]\.)+", w) else w
        if w:
            out.append(w)
    return out


def _strip_possessive(w: str) -> tuple[str, bool]:
    if w.endswith("'s"):
        return w[:-2], True
    if w.endswith("s'"):
        return w[:-1], True
    return w, False


def find_country(words: list[str]) -> Optional[Country]:
    """First country named in the words, as name, demonym or capital (up to 3-word forms)."""
    lex = party_tables()
    for i in range(len(words)):
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            parts = [_strip_possessive(w)[0] for w in words[i : i + n]]
            country = lex.country(" ".join(parts))
            if country:
                return country
    return None


def _head_index(low: list[str]) -> int:
    """Index of the head noun: the last word before an 'of/for/at' complement or a
    postmodifier ("source *close to* the doctor"), else the last word."""
    post = party_tables().postmodifiers
    for i, w in enumerate(low):
        if (w in ("of", "for", "at", "with", "from", "in") or w in post) and i > 0:
            return i - 1
    return len(low) - 1


def classify(text: str, label: Optional[str] = None) -> Optional[Phrase]:
    """The actor ``text`` names, or None (pronouns, empty, nothing actor-like).

    ``label`` is a hint: a spaCy entity label (PERSON, ORG, GPE, NORP) or a
    party kind from the extractor (person, organisation, government, group)."""
    # The answer depends on the text and the lexicon alone, and an event's articles name the
    # same actors in the same words again and again: each phrase is classified once per
    # process. Callers fill in and change what they get (titles, names), so each gets a copy.
    phrase = _classified(text, label)
    return None if phrase is None else _copy(phrase)


def _copy(phrase: Phrase) -> Phrase:
    return replace(phrase, brands=list(phrase.brands),
                   affiliation=None if phrase.affiliation is None else _copy(phrase.affiliation))


@lru_cache(maxsize=131072)
def _classified(text: str, label: Optional[str]) -> Optional[Phrase]:
    lex = party_tables()
    words = words_of(_BRACKETED.sub(" ", text))  # "Christie Marsh (Follow)": a button, not a name
    if not words:
        return None
    low = [norm(w) for w in words]
    if " ".join(low) in lex.pronouns:
        return None
    while low and low[0] in lex.determiners:
        words, low = words[1:], low[1:]
    if not words:
        return None
    label = (label or "").lower()
    bare = [_strip_possessive(w)[0] for w in low]
    head_i = _head_index(bare)
    head = bare[head_i]
    country = find_country(words)

    # a country or capital speaking for itself ("Kazakhstan said", "Moscow denied") is its government
    whole = lex.country(" ".join(_strip_possessive(w)[0] for w in words))
    if whole is not None:
        return Phrase(kind="government", name=whole.name, country=whole.name, head="government")

    if head in lex.roles and not _has_name_after(words, head_i):
        qualifier = ""
        if head_i + 1 < len(words) and low[head_i + 1] in lex.postmodifiers:
            # "a source close to the doctor" is close to the doctor, not employed by him
            qualifier = " ".join(low[head_i + 1 :])
            rest = words[:head_i]
        else:
            rest = words[:head_i] + words[head_i + 2 :] if head_i + 1 < len(words) else words[:head_i]
        affiliation = classify(" ".join(rest), None) if rest else None
        if affiliation is not None and affiliation.kind in ("group", "role", "person"):
            affiliation = None
        return Phrase(kind="role", name=" ".join(words), head=head, title=words[head_i],
                      title_kind="role", affiliation=affiliation, qualifier=qualifier)

    group = lex.group_key(low[head_i]) if low[head_i] in lex.group_nouns else None
    if group and label not in ("person", "org", "organisation", "gpe"):
        qualifier = _group_qualifier(low, head_i)
        return Phrase(kind="group", name=_lower_first(text), head=group,
                          group_key=f"{group}|{qualifier}")

    legis = _match_heads(bare, lex.legislature_heads)
    gov = _match_heads(bare, lex.government_heads)
    if gov and _named_organ(words, low, gov, country):
        return _organisation(words, low)
    if gov:
        return Phrase(kind="government", name=text.strip(), country=country.name if country else "",
                      head=" ".join(bare[gov[0]:gov[1]]))
    if legis:
        return Phrase(kind="legislature", name=text.strip(), country=country.name if country else "",
                      head=" ".join(bare[legis[0]:legis[1]]))

    if head in lex.company_refs and not any(w[:1].isupper() and not lex.country(w) for w in words[:head_i]) \
            and label not in ("org", "organisation", "person"):
        return Phrase(kind="org_ref", name=text.strip(), head=head)

    title_kind, title, name_words = _split_title(words)
    if label in ("person",) or (title_kind and name_words and label not in ("org", "organisation")):
        person = parse_person(" ".join(name_words) if name_words else text)
        if person is None:
            return None
        return Phrase(kind="person", name=person.display, title=title, title_kind=title_kind or "")

    if label in ("org", "organisation", "") or label == "unknown" or label == "gpe":
        org = _organisation(words, low)
        if org is None and label == "organisation" and low[head_i].endswith("s"):
            # unnamed organisations in the plural ("human rights organizations") act as a group
            return Phrase(kind="group", name=_lower_first(text), head=low[head_i],
                          group_key=f"{low[head_i]}|{_group_qualifier(low, head_i)}")
        return org
    return None


def _has_name_after(words: list[str], i: int) -> bool:
    return i + 1 < len(words) and words[i + 1][:1].isupper() and norm(words[i + 1]) not in ("of", "for")


def _lower_first(text: str) -> str:
    text = text.strip()
    first = text.split(" ", 1)[0]
    lex = party_tables()
    if first[:1].isupper() and (norm(first) in lex.determiners or norm(first) in lex.group_nouns):
        return text[:1].lower() + text[1:]
    return text


def _group_qualifier(low: list[str], head_i: int) -> str:
    """What a group is defined by: "critics *of the bill*", "the *bill's* authors", "*rights* activists"."""
    lex = party_tables()
    if head_i + 2 < len(low) and low[head_i + 1] == "of":
        tail = [w for w in low[head_i + 2 :] if w not in lex.determiners]
        return _strip_possessive(tail[-1])[0] if tail else ""
    before = low[:head_i]
    for w in reversed(before):
        base, poss = _strip_possessive(w)
        if poss:
            return "" if base in lex.pronouns else base
    mods = [w for w in before if w not in lex.determiners and w.isalpha() and w not in lex.quantity_words]
    return mods[-1] if mods else ""


def _named_organ(words: list[str], low: list[str], head: tuple[int, int], country) -> bool:
    """ "the Ministry of Gossip": an organ word with a capitalised "of" name that holds no
    portfolio and no country is the name of something else (a blog, a club)."""
    lex = party_tables()
    a, b = head
    if country is not None or b - a != 1 or low[a] not in lex.organ_words or not words[a][:1].isupper():
        return False
    tail = [w for w in low[b + 1 :] if w not in lex.determiners and w != "and"]
    if b >= len(low) or low[b] != "of" or not tail:
        return False
    if not all(w[:1].isupper() for w in words[b + 1 :] if norm(w) not in lex.determiners and norm(w) != "and"):
        return False
    return not any(_strip_possessive(w)[0] in lex.portfolios for w in tail)


def _match_heads(bare: list[str], heads: frozenset[str]) -> Optional[tuple[int, int]]:
    for n in (3, 2, 1):
        for i in range(len(bare) - n + 1):
            if " ".join(bare[i : i + n]) in heads:
                return i, i + n
    return None


def _split_title(words: list[str]) -> tuple[Optional[str], str, list[str]]:
    """(title kind, title text, name words) for "Information Minister Aida Balyeva"."""
    lex = party_tables()
    last, kind = -1, None
    for i in range(len(words) - 1):
        k = lex.title_kind(words[: i + 1])
        if k and words[i + 1][:1].isupper():
            last, kind = i, k
    if last < 0:
        return None, "", words
    name = [w for w in words[last + 1 :] if w[:1].isupper()]
    return kind, " ".join(words[: last + 1]), name


def _organisation(words: list[str], low: list[str]) -> Optional[Phrase]:
    """Organisation core and owned brands: "Facebook owner Meta Platforms", "Facebook's Meta"."""
    lex = party_tables()
    brands: list[str] = []
    # "X's Y": X owns Y (or is Y's country)
    for i, w in enumerate(words[:-1]):
        base, poss = _strip_possessive(w)
        if poss:
            owner = " ".join(words[:i] + [base])
            words, low = words[i + 1 :], low[i + 1 :]
            if not lex.country(owner):
                brands.append(owner)
            break
    # "X owner Y", "X parent Y"
    for i, w in enumerate(low[:-1]):
        if w in lex.ownership_words and i > 0:
            brands.append(" ".join(words[:i]))
            words, low = words[i + 1 :], low[i + 1 :]
            break
    # descriptors in front of a proper name: "local news site Zakon.kz", "tech giant Apple"
    caps = [i for i, w in enumerate(words) if w[:1].isupper() or not w[:1].isalpha()]
    if caps and caps[0] > 0 and all(i in caps for i in range(caps[0], len(words))):
        if any(w in lex.company_heads for w in low[: caps[0]]) or all(not w[:1].isupper() for w in words[: caps[0]]):
            words, low = words[caps[0] :], low[caps[0] :]
    if not words or not any(w[:1].isupper() for w in words):
        return None
    core = org_core(" ".join(words))
    if not core or core in lex.pronouns:
        return None
    return Phrase(kind="organisation", name=" ".join(words), head=core, brands=brands)
