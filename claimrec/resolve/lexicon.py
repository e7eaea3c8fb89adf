"""Lookups over the party lexicons (data/lexicons/{countries,titles,organisations,mentions}.json).

Loaded once per process; every lookup is a dict or set probe so mention
classification stays cheap however many mentions a run has.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from claimrec.resources import load_json

_SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    """Lower-cased, accent-free, single-spaced, typographic apostrophes made plain."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text).strip().lower()


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str


@dataclass(frozen=True)
class Lexicon:
    countries: dict[str, Country]  # any surface form (name, alias, demonym, capital) -> country
    capitals: frozenset[str]
    honorifics: frozenset[str]
    title_kinds: dict[str, str]  # title (normalised, may be multiword) -> government|legislature|organisation|role
    roles: frozenset[str]
    company_heads: frozenset[str]
    company_refs: frozenset[str]
    government_heads: frozenset[str]
    government_refs: frozenset[str]
    legislature_heads: frozenset[str]
    organ_words: frozenset[str]
    country_nouns: frozenset[str]
    group_nouns: frozenset[str]
    group_synonyms: dict[str, str]
    corporate_suffixes: frozenset[str]
    ownership_words: frozenset[str]
    generic_name_words: frozenset[str]
    name_extensions: frozenset[str]
    max_title_words: int
    pronouns: frozenset[str]
    determiners: frozenset[str]
    quantity_words: frozenset[str]
    name_suffixes: frozenset[str]
    not_names: frozenset[str]
    postmodifiers: frozenset[str]
    anonymous_roles: frozenset[str]
    portfolios: frozenset[str]
    qualified_government_heads: frozenset[str]
    role_synonyms: dict[str, str]

    def country(self, text: str) -> Optional[Country]:
        """The country a name, alias, demonym or capital stands for (case of the first letter matters)."""
        text = text.strip().replace("\u2019", "'")
        if text.endswith("'s"):
            text = text[:-2]
        if not text or not text[0].isupper():
            return None
        return self.countries.get(norm(text))

    def title_kind(self, words: list[str]) -> Optional[str]:
        """Kind of the longest title that ends the word list ("Information Minister" -> government)."""
        low = [norm(w).rstrip(".") for w in words]
        for n in range(min(self.max_title_words, len(low)), 0, -1):
            kind = self.title_kinds.get(" ".join(low[-n:]))
            if kind:
                return kind
        return None

    def group_key(self, noun: str) -> Optional[str]:
        low = norm(noun)
        if low not in self.group_nouns:
            return None
        return self.group_synonyms.get(low, low)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    geo = load_json("lexicons/countries.json")["countries"]
    titles = load_json("lexicons/titles.json")
    orgs = load_json("lexicons/organisations.json")
    closed = load_json("lexicons/mentions.json")
    countries: dict[str, Country] = {}
    capitals: set[str] = set()
    for row in geo:
        country = Country(name=row["name"], demonym=(row["demonyms"] or [row["name"]])[0])
        # first writer wins so an ambiguous form ("Congolese") keeps the first country listed
        for form in [row["name"], *row["aliases"], *row["demonyms"]]:
            countries.setdefault(norm(form), country)
        for form in row["capitals"]:
            countries.setdefault(norm(form), country)
            capitals.add(norm(form))
    title_kinds: dict[str, str] = {}
    # later kinds win for a word listed twice: government > legislature > organisation
    for kind in ("role", "organisation", "legislature", "government"):
        for t in titles[kind]:
            title_kinds[norm(t)] = kind
    for t in titles["honorifics"]:
        title_kinds.setdefault(norm(t), "honorific")
    return Lexicon(
        countries=countries,
        capitals=frozenset(capitals),
        honorifics=frozenset(norm(t) for t in titles["honorifics"]),
        title_kinds=title_kinds,
        roles=frozenset(norm(t) for t in titles["role"]),
        company_heads=frozenset(orgs["company_heads"]),
        company_refs=frozenset(orgs["company_refs"]),
        government_heads=frozenset(orgs["government_heads"]),
        government_refs=frozenset(orgs["government_refs"]),
        legislature_heads=frozenset(orgs["legislature_heads"]),
        organ_words=frozenset(orgs["organ_words"]),
        country_nouns=frozenset(orgs["country_nouns"]),
        group_nouns=frozenset(orgs["group_nouns"]),
        group_synonyms=dict(orgs["group_synonyms"]),
        corporate_suffixes=frozenset(orgs["corporate_suffixes"]),
        ownership_words=frozenset(orgs["ownership_words"]),
        generic_name_words=frozenset(orgs["generic_name_words"]),
        name_extensions=frozenset(orgs["name_extensions"]) | frozenset(orgs["corporate_suffixes"]),
        max_title_words=max(len(t.split()) for t in title_kinds),
        pronouns=frozenset(closed["pronouns"]),
        determiners=frozenset(closed["determiners"]),
        quantity_words=frozenset(closed["quantity_words"]),
        name_suffixes=frozenset(closed["name_suffixes"]),
        not_names=frozenset(closed["not_names"]),
        postmodifiers=frozenset(closed["postmodifiers"]),
        anonymous_roles=frozenset(closed["anonymous_roles"]),
        portfolios=frozenset(orgs["portfolios"]),
        qualified_government_heads=frozenset(orgs["qualified_government_heads"]),
        role_synonyms=dict(closed["role_synonyms"]),
    )
