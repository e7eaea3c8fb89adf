"""Lookup tables built once from the :class:`~claimrec.text.lexicon.Lexicon`.

The lexicon is the data as written; these are the forms the stages probe many
times per token: frozensets, dicts keyed by normalised forms, compiled regexes.
``extraction()`` serves claim extraction, ``parties()`` party resolution and
``detection()`` the detectors. Each is built on first use and kept for the process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from claimrec.text.keys import base_key
from claimrec.text.lexicon import lexicon
from claimrec.text.normalize import norm

# A capitalised name of up to five words, case-sensitive inside otherwise
# case-insensitive media patterns ("in an email to the AP").
_NAME = r"(?-i:[A-Z][\w.&'’-]*(?:[ ](?:of[ ]|for[ ]|the[ ]|and[ ])?[A-Z][\w.&'’-]*){0,4})"


# -- extraction ----------------------------------------------------------------------------

@dataclass(frozen=True)
class VerbCue:
    lemma: str
    cls: str
    frames: frozenset[str]

    @property
    def preps(self) -> frozenset[str]:
        return frozenset(f[5:] for f in self.frames if f.startswith("prep:"))


@dataclass(frozen=True)
class CueTables:
    verbs: dict[str, VerbCue]
    phrasal: dict[tuple[str, str], str]
    nominal: dict[str, str]
    prepositional: dict[str, str]
    prepositional_index: dict[str, list[tuple[str, ...]]]
    modals: dict[str, str]
    media: list[tuple[str, re.Pattern]]
    government_heads: frozenset[str]
    organisation_heads: frozenset[str]
    person_heads: frozenset[str]
    titles: frozenset[str]
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    first_person: frozenset[str]
    determiners: frozenset[str]
    not_speakers: frozenset[str]
    no_one: frozenset[str]
    generic_pronouns: frozenset[str]
    evidence_verbs: frozenset[str]
    evidence_subjects: frozenset[str]
    speech_classes: frozenset[str]
    kinds: dict[str, str] = field(default_factory=dict)  # cue lemma -> claim kind, where the class misleads
    gender_words: dict[str, str] = field(default_factory=dict)  # word in a mention -> "female" | "male"
    first_names: dict[str, str] = field(default_factory=dict)  # first name -> "female" | "male"
    spoken_words: frozenset[str] = frozenset()
    aside_marks: frozenset[str] = frozenset()  # "although": a trailing clause that is the writer's aside
    object_preps: frozenset[str] = frozenset()  # "described crass behavior by Trump": still the object
    denial_classes: frozenset[str] = field(default_factory=lambda: frozenset({"denial"}))


@lru_cache(maxsize=1)
def extraction() -> CueTables:
    lex = lexicon()
    cues, speakers = lex.cues, lex.speakers
    verbs = {lemma: VerbCue(lemma, spec.cls, frozenset(spec.frames)) for lemma, spec in cues.verbs.items()}
    phrasal = {}
    for phrase, cls in cues.phrasal.items():
        verb, _, particle = phrase.partition(" ")
        phrasal[(verb, particle)] = cls
    prep_index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in cues.prepositional:
        words = tuple(phrase.lower().split())
        prep_index.setdefault(words[0], []).append(words)
    media = [(p.kind, re.compile(p.regex.replace("{NAME}", _NAME), re.IGNORECASE)) for p in lex.media.patterns]
    return CueTables(
        verbs=verbs, phrasal=phrasal, nominal=dict(cues.nominal), prepositional=dict(cues.prepositional),
        prepositional_index=prep_index, modals=dict(lex.hedges.modals), media=media,
        government_heads=frozenset(speakers.government_heads),
        organisation_heads=frozenset(speakers.organisation_heads),
        person_heads=frozenset(speakers.person_heads), titles=frozenset(speakers.titles),
        person_pronouns=frozenset(speakers.person_pronouns), thing_pronouns=frozenset(speakers.thing_pronouns),
        plural_pronouns=frozenset(speakers.plural_pronouns), first_person=frozenset(speakers.first_person),
        determiners=frozenset(speakers.determiners), not_speakers=frozenset(speakers.not_speakers),
        no_one=frozenset(speakers.no_one), generic_pronouns=frozenset(speakers.generic_pronouns),
        evidence_verbs=frozenset(cues.evidence.verbs), evidence_subjects=frozenset(cues.evidence.subjects),
        speech_classes=frozenset(cues.speech_classes), kinds=dict(cues.kinds),
        gender_words={**{w: "female" for w in speakers.gender.female_words},
                      **{w: "male" for w in speakers.gender.male_words}},
        first_names={**{w: "female" for w in speakers.gender.female_names},
                     **{w: "male" for w in speakers.gender.male_names}},
        spoken_words=frozenset(speakers.spoken_words),
        aside_marks=frozenset(cues.aside_marks.marks),
        object_preps=frozenset(cues.object_modifiers.preps),
    )


# -- party resolution ----------------------------------------------------------------------

@dataclass(frozen=True)
class CountryName:
    name: str
    demonym: str


@dataclass(frozen=True)
class PartyTables:
    countries: dict[str, CountryName]  # any surface form (name, alias, demonym, capital) -> country
    capitals: frozenset[str]
    demonyms: frozenset[str]  # "British", "Briton", "Americans": nationality words, not names
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
    role_synonyms: dict[str, str]
    not_names: frozenset[str] = frozenset()
    postmodifiers: frozenset[str] = frozenset()
    anonymous_roles: frozenset[str] = frozenset()
    portfolios: frozenset[str] = frozenset()
    qualified_government_heads: frozenset[str] = frozenset()

    def country(self, text: str) -> Optional[CountryName]:
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
def parties() -> PartyTables:
    lex = lexicon()
    titles, orgs, closed = lex.titles, lex.organisations, lex.mentions
    countries: dict[str, CountryName] = {}
    capitals: set[str] = set()
    demonyms: set[str] = set()
    for row in lex.countries.countries:
        country = CountryName(name=row.name, demonym=(row.demonyms or [row.name])[0])
        # first writer wins so an ambiguous form ("Congolese") keeps the first country listed
        for form in [row.name, *row.aliases, *row.demonyms]:
            countries.setdefault(norm(form), country)
        demonyms.update(norm(d) for d in row.demonyms)
        for form in row.capitals:
            countries.setdefault(norm(form), country)
            capitals.add(norm(form))
    title_kinds: dict[str, str] = {}
    # later kinds win for a word listed twice: government > legislature > organisation
    for kind in ("role", "organisation", "legislature", "government"):
        for t in getattr(titles, kind):
            title_kinds[norm(t)] = kind
    for t in titles.honorifics:
        title_kinds.setdefault(norm(t), "honorific")
    return PartyTables(
        countries=countries,
        capitals=frozenset(capitals),
        demonyms=frozenset(demonyms),
        honorifics=frozenset(norm(t) for t in titles.honorifics),
        title_kinds=title_kinds,
        roles=frozenset(norm(t) for t in titles.role),
        company_heads=frozenset(orgs.company_heads),
        company_refs=frozenset(orgs.company_refs),
        government_heads=frozenset(orgs.government_heads),
        government_refs=frozenset(orgs.government_refs),
        legislature_heads=frozenset(orgs.legislature_heads),
        organ_words=frozenset(orgs.organ_words),
        country_nouns=frozenset(orgs.country_nouns),
        group_nouns=frozenset(orgs.group_nouns),
        group_synonyms=dict(orgs.group_synonyms),
        corporate_suffixes=frozenset(orgs.corporate_suffixes),
        ownership_words=frozenset(orgs.ownership_words),
        generic_name_words=frozenset(orgs.generic_name_words),
        name_extensions=frozenset(orgs.name_extensions) | frozenset(orgs.corporate_suffixes),
        max_title_words=max(len(t.split()) for t in title_kinds),
        pronouns=frozenset(closed.pronouns),
        determiners=frozenset(closed.determiners),
        quantity_words=frozenset(closed.quantity_words),
        name_suffixes=frozenset(closed.name_suffixes),
        role_synonyms=dict(closed.role_synonyms),
        not_names=frozenset(closed.not_names),
        postmodifiers=frozenset(closed.postmodifiers),
        anonymous_roles=frozenset(closed.anonymous_roles),
        portfolios=frozenset(orgs.portfolios),
        qualified_government_heads=frozenset(orgs.qualified_government_heads),
    )


# -- detection -----------------------------------------------------------------------------

@dataclass(frozen=True)
class DetectTables:
    cue_classes: dict[str, str]  # reporting-verb lemma -> class
    speech_classes: frozenset[str]
    claim_nouns: frozenset[str]  # nouns that carry someone's claim ("a claim by X that ...")
    anonymous_heads: frozenset[str]  # nouns for described, unnamed speakers
    title_words: frozenset[str]  # single words that are titles or honorifics
    weak_content: frozenset[str]
    light_verbs: frozenset[str]
    negators: frozenset[str]
    pronoun_speakers: frozenset[str]
    name_stopwords: frozenset[str]
    antonyms: dict[str, frozenset[str]]
    patient_preps: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def detection() -> DetectTables:
    lex = lexicon()
    words, titles, speakers = lex.words, lex.titles, lex.speakers
    anonymous = {v.lower() for v in titles.role + speakers.person_heads if " " not in v}
    anonymous |= set(speakers.anonymous_heads)
    title_words: set[str] = set(speakers.anonymous_heads)
    for vals in (titles.honorifics, titles.government, titles.legislature, titles.organisation, titles.role):
        for v in vals:
            title_words.update(v.lower().replace(".", "").split())
    antonyms: dict[str, set[str]] = {}
    for a, b in words.antonyms:
        # keyed as predicates are (lemma keys), so "approved" meets "rejected"
        a, b = base_key(a), base_key(b)
        antonyms.setdefault(a, set()).add(b)
        antonyms.setdefault(b, set()).add(a)
    return DetectTables(
        cue_classes={lemma: spec.cls for lemma, spec in lex.cues.verbs.items()},
        speech_classes=frozenset(lex.cues.speech_classes),
        claim_nouns=frozenset(k for k, v in lex.cues.nominal.items() if v in ("assertive", "accusation", "neutral")),
        anonymous_heads=frozenset(anonymous),
        title_words=frozenset(title_words),
        weak_content=frozenset(words.weak_content),
        light_verbs=frozenset(words.light_verbs),
        negators=frozenset(words.negators),
        pronoun_speakers=frozenset(words.pronoun_speakers),
        name_stopwords=frozenset(words.name_stopwords),
        antonyms={k: frozenset(v) for k, v in antonyms.items()},
        patient_preps=frozenset(words.patient_preps),
    )
