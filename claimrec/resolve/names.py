"""Name variants: people (transliterations, initials, surname-only) and organisations.

People: the surname must match closely once both are folded to a rough
transliteration key ("Sarym" ~ "Sarim", "Aydos" ~ "Aidos"), and the given
names must not contradict each other (a missing given name or an initial is
compatible; "Hillary" and "Bill" are not). Organisations: the same name with
or without corporate suffixes, a whole-token prefix ("Meta" ~ "Meta
Platforms") unless the shared part is a generic word ("Bank"), an acronym,
or a near-identical spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from collections import defaultdict
from typing import Sequence

from rapidfuzz import fuzz

from claimrec.resolve.similar import similar_pairs
from claimrec.text.lookups import parties as party_tables
from claimrec.text.normalize import name_key, norm

SURNAME_MIN = 85.0
GIVEN_MIN = 80.0
ORG_FUZZ_MIN = 92.0
_WORD = re.compile(r"[^\W\d_][\w'\-.]*", re.UNICODE)
_DOUBLE = re.compile(r"(.)\1+")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# lower case followed by upper case: once in McConaghy or DeSantis, twice only in codes
_CASE_TURN = re.compile(r"[a-z][A-Z]")


def fold(token: str) -> str:
    """A name token's transliteration key (see :func:`claimrec.text.normalize.name_key`)."""
    return name_key(token).replace(" ", "")


@dataclass(frozen=True)
class PersonName:
    given: tuple[str, ...]
    surname: str
    display: str

    @property
    def full(self) -> bool:
        return bool(self.given)


# a pure function of the text (the answer is frozen, so it can be shared): an event's
# articles and speakers spell the same few names thousands of times
@lru_cache(maxsize=131072)
def parse_person(text: str) -> PersonName | None:
    """Given names and surname of a person's name, with titles and honorifics dropped."""
    lex = party_tables()
    # "Christie Marsh (Follow)", "Ana Velez [pictured]": brackets hold no part of a name
    text = _BRACKETED.sub(" ", text.replace("\u2019", "'"))
    if any(not _name_like(t) for t in text.split()):
        return None  # "FKPejY4nQz" from a short link, "@handle", digits
    words = [w.rstrip(".,") for w in _WORD.findall(text)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    # everything up to the last title or honorific ("Former U.S. President", "Mr.",
    # "Information Minister") is not part of the name; a title word that ends the name
    # ("John Major") is a surname
    cut = 0
    for i, w in enumerate(words[:-1]):
        if norm(w) in lex.title_kinds or not w[:1].isupper() or lex.country(w):
            cut = i + 1
    words = words[cut:]
    while words and norm(words[-1]) in lex.name_suffixes:
        words = words[:-1]
    words = [w for w in words if w]
    if not words or not words[-1][:1].isupper() or norm(words[-1]) in lex.not_names:
        return None  # "and", "the doctor": no name at all
    if all(len(w) > 1 and w.isupper() for w in words):
        return None  # "JOAN" of a heading in capitals; initials are one letter
    return PersonName(given=tuple(words[:-1]), surname=words[-1], display=" ".join(words))


def _name_like(token: str) -> bool:
    """Could this whitespace token be (part of) a written name?"""
    core = token.strip(".,;:!?\"'()[]")
    if not core:
        return True
    if any(c.isdigit() for c in core) or "@" in core or "/" in core:
        return False
    return len(_CASE_TURN.findall(core)) < 2


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return True
    x, y = fold(a[0]), fold(b[0])
    if not x or not y:
        return True
    if len(a[0].rstrip(".")) == 1 or len(b[0].rstrip(".")) == 1:
        return x[0] == y[0]
    if len(x) >= 3 and len(y) >= 3 and (x.startswith(y) or y.startswith(x)):
        return True  # short forms: Alex / Alexander
    return fuzz.ratio(x, y) >= GIVEN_MIN


def same_surname(a: PersonName, b: PersonName) -> bool:
    return fuzz.ratio(fold(a.surname), fold(b.surname)) >= SURNAME_MIN


def same_person(a: PersonName, b: PersonName) -> bool:
    """True when two names can denote one person (both given names present and compatible,
    or one of them given by surname only)."""
    return same_surname(a, b) and _given_compatible(a.given, b.given)


def org_core(text: str) -> str:
    """An organisation name without article, possessive and corporate suffixes."""
    lex = party_tables()
    words = norm(text).replace("'s ", " ").split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    while words and words[-1].rstrip(",.") in lex.corporate_suffixes:
        words = words[:-1]
    return " ".join(w.strip(",") for w in words)


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in ("of", "and", "the", "for", "&"))


def same_org(a: str, b: str) -> bool:
    """Do two organisation cores (see :func:`org_core`) name the same organisation?"""
    if not a or not b:
        return False
    if a == b:
        return True
    lex = party_tables()
    wa, wb = a.split(), b.split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    # "Meta" ~ "Meta Platforms", "Walt Disney" ~ "Walt Disney Company": the longer name only adds
    # corporate words; "Trump" and "Trump Foundation" are different actors
    if long_[: len(short)] == short and short[0] not in lex.generic_name_words \
            and all(w in lex.name_extensions for w in long_[len(short):]):
        return True
    for x, y in ((wa, wb), (wb, wa)):
        if len(x) == 1 and len(y) >= 2 and len(x[0]) >= 2 and x[0].replace(".", "") == _acronym(y):
            return True
    return min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= ORG_FUZZ_MIN


def org_candidate_pairs(cores: Sequence[str]) -> set[tuple[int, int]]:
    """Index pairs (i < j) of ``cores`` that :func:`same_org` could call the same organisation:
    a superset of the pairs it accepts, found without comparing all pairs (one per rule:
    a word prefix followed only by name extensions, an acronym, a near-identical spelling)."""
    lex = party_tables()
    words = [c.split() for c in cores]
    by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_acronym: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(words):
        if w:
            by_words[tuple(w)].append(i)
        if len(w) >= 2:
            by_acronym[_acronym(w)].append(i)
    out: set[tuple[int, int]] = set()

    def add(i: int, j: int) -> None:
        if i != j:
            out.add((i, j) if i < j else (j, i))

    for i, w in enumerate(words):
        # every word prefix of i whose remaining words are all name extensions
        for k in range(len(w), 0, -1):
            for j in by_words.get(tuple(w[:k]), ()):
                add(i, j)
            if w[k - 1] not in lex.name_extensions:
                break
        if len(w) == 1 and len(w[0]) >= 2:
            for j in by_acronym.get(w[0].replace(".", ""), ()):
                add(i, j)
    out |= similar_pairs(cores, ORG_FUZZ_MIN, min_len=5)
    return out
