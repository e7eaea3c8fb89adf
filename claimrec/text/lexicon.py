"""The lexicons (``data/lexicons/*.json``) as one typed, validated :class:`Lexicon`, loaded once.

Every word list, pattern and number claimrec reads from data lives here: one
pydantic section per file, checked when loaded (a misspelt key, a pattern that
does not compile or a cue class nobody defined fails at start-up with the file
and field named, not as a wrong finding later). Keys starting with ``_`` are
comments. The lookup tables the stages build from it (compiled regexes, spaCy
matchers, country and title indexes) live in :mod:`claimrec.text.lookups`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from claimrec.resources import data_dir


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# -- reporting cues (cues.json) ------------------------------------------------------------

Frame = str  # clause | quote | object | naming | infinitive | need_clause | prep:<word>


class VerbSpec(_Section):
    cls: str
    frames: list[Frame] = Field(default_factory=lambda: ["clause", "quote"])


class EvidenceSpec(_Section):
    verbs: list[str] = Field(default_factory=list)
    subjects: list[str] = Field(default_factory=list)


class AsideMarks(_Section):
    marks: list[str] = Field(default_factory=list)


class ObjectModifiers(_Section):
    preps: list[str] = Field(default_factory=list)


class CueLexicon(_Section):
    classes: list[str]
    verbs: dict[str, VerbSpec]
    phrasal: dict[str, str] = Field(default_factory=dict)
    nominal: dict[str, str] = Field(default_factory=dict)
    evidence: EvidenceSpec = Field(default_factory=EvidenceSpec)
    prepositional: dict[str, str] = Field(default_factory=dict)
    # claim kind of a cue lemma where its class alone would give the wrong one
    kinds: dict[str, Literal["speech", "belief", "plan"]] = Field(default_factory=dict)
    aside_marks: AsideMarks = Field(default_factory=lambda: AsideMarks())
    object_modifiers: ObjectModifiers = Field(default_factory=lambda: ObjectModifiers())
    # cue classes of reported speech (the rest are beliefs and plans)
    speech_classes: list[str] = Field(default_factory=lambda: ["neutral", "assertive", "denial", "accusation"])

    @model_validator(mode="after")
    def _known_classes(self) -> "CueLexicon":
        known = set(self.classes)
        used = {v.cls for v in self.verbs.values()} | set(self.phrasal.values()) \
            | set(self.nominal.values()) | set(self.prepositional.values()) | set(self.speech_classes)
        unknown = used - known
        if unknown:
            raise ValueError(f"cue classes used but not listed in 'classes': {sorted(unknown)}")
        return self


# -- hedges and modality (hedges.json, modality.json) ---------------------------------------

# A token pattern in spaCy Matcher syntax (https://spacy.io/usage/rule-based-matching).
TokenPattern = list[dict[str, Any]]
Scope = Literal["next_np", "head", "complement", "clause"]


class HedgePattern(_Section):
    kind: str
    tokens: TokenPattern
    scope: Optional[Scope] = None


class HedgeLexicon(_Section):
    patterns: list[HedgePattern]
    scopes: dict[str, Scope]
    modals: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _scoped(self) -> "HedgeLexicon":
        missing = {p.kind for p in self.patterns if p.scope is None} - set(self.scopes)
        if missing:
            raise ValueError(f"hedge kinds without a scope: {sorted(missing)}")
        return self


class ModalityMarker(_Section):
    cls: str = Field(alias="class")
    tokens: TokenPattern
    # index in the pattern of the token whose arguments identify the predicate, or a rule:
    # xcomp (the verb after "to"), pobj (the working predicate of "started working on");
    # default: the head of a modal verb, else the last token
    anchor: Optional[int | Literal["xcomp", "pobj"]] = None


class ReportVerbs(_Section):
    tentative: list[str] = Field(default_factory=list)
    factive: list[str] = Field(default_factory=list)


class ModalityLexicon(_Section):
    levels: dict[str, int]
    labels: dict[str, str]
    markers: list[ModalityMarker]
    report_verbs: ReportVerbs = Field(default_factory=lambda: ReportVerbs())

    @model_validator(mode="after")
    def _levelled(self) -> "ModalityLexicon":
        missing = {m.cls for m in self.markers} - set(self.levels)
        if missing:
            raise ValueError(f"modality classes without a level: {sorted(missing)}")
        return self


# -- media, speakers, titles, organisations, countries, mentions -----------------------------

class MediaPattern(_Section):
    kind: str
    regex: str

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value.replace("{NAME}", "X"), re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"regex does not compile: {exc}") from None
        return value


class MediaLexicon(_Section):
    patterns: list[MediaPattern]


class SpeakerLexicon(_Section):
    government_heads: list[str]
    organisation_heads: list[str]
    person_heads: list[str]
    titles: list[str]
    person_pronouns: list[str]
    thing_pronouns: list[str]
    plural_pronouns: list[str]
    first_person: list[str]
    determiners: list[str]
    no_one: list[str]
    generic_pronouns: list[str]
    not_speakers: list[str] = Field(default_factory=list)
    # nouns for described, unnamed speakers ("a spokesperson", "officials") beyond the
    # role titles and person heads
    anonymous_heads: list[str] = Field(default_factory=list)
    gender: "GenderWords" = Field(default_factory=lambda: GenderWords())
    # words showing that a lone transcript label opens spoken words, not a caption
    spoken_words: list[str] = Field(default_factory=list)


class GenderWords(_Section):
    """Words and first names that tell a person's gender (pronoun agreement)."""

    female_words: list[str] = Field(default_factory=list)
    male_words: list[str] = Field(default_factory=list)
    female_names: list[str] = Field(default_factory=list)
    male_names: list[str] = Field(default_factory=list)


SpeakerLexicon.model_rebuild()


class TitleLexicon(_Section):
    honorifics: list[str]
    government: list[str]
    legislature: list[str]
    organisation: list[str]
    role: list[str]


class OrganisationLexicon(_Section):
    company_heads: list[str]
    company_refs: list[str]
    government_heads: list[str]
    government_refs: list[str]
    legislature_heads: list[str]
    organ_words: list[str]
    country_nouns: list[str]
    group_nouns: list[str]
    group_synonyms: dict[str, str]
    corporate_suffixes: list[str]
    ownership_words: list[str]
    generic_name_words: list[str]
    name_extensions: list[str]
    # what a ministry or department is of; "the Ministry of Gossip" holds none of them
    portfolios: list[str] = Field(default_factory=list)
    # government heads only with a modifier or a capital ("the port authority", not "the authority to")
    qualified_government_heads: list[str] = Field(default_factory=list)


class Country(_Section):
    name: str
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    capitals: list[str] = Field(default_factory=list)


class CountryLexicon(_Section):
    countries: list[Country]


class MentionWords(_Section):
    pronouns: list[str]
    determiners: list[str]
    quantity_words: list[str]
    name_suffixes: list[str]
    not_names: list[str] = Field(default_factory=list)
    postmodifiers: list[str] = Field(default_factory=list)
    anonymous_roles: list[str] = Field(default_factory=list)
    role_synonyms: dict[str, str]


# -- numbers and dates (numbers.json) --------------------------------------------------------

class NumberLexicon(_Section):
    units: dict[str, float]
    ordinals: dict[str, float] = Field(default_factory=dict)
    scales: dict[str, float]
    percent: list[str]
    currencies: dict[str, str]
    approximators: list[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: list[str]
    periods: list[str]
    period_modifiers: list[str]
    # head words of a time phrase ("in the last five days", "that night"): when a figure holds
    time_heads: list[str]


# -- closed-class word lists shared by align and detect (words.json) ------------------------

class WordLists(_Section):
    # spaCy stopwords that carry content in news ("move", "call"): content words after all
    content_stopwords: list[str]
    # words spaCy may tag as content that carry too little meaning to count as shared or new
    weak_content: list[str]
    light_verbs: list[str]
    negators: list[str]
    pronoun_speakers: list[str]
    name_stopwords: list[str]
    # antonym pairs of predicates: one replaced by the other reverses what is said
    antonyms: list[tuple[str, str]] = Field(default_factory=list)
    # prepositions whose object is the other party of an act ("action against Apple")
    patient_preps: list[str] = Field(default_factory=list)


class Agency(_Section):
    name: str
    aliases: list[str]


class AgencySignals(_Section):
    dateline: str  # "{agency}" stands for the alternation of every agency alias
    first_hand: str


class OutletSignals(_Section):
    dateline: str
    dateline_lines: int
    citations: list[str]


class BoilerplateLexicon(_Section):
    """Page furniture, paywall blocks, credit and syndication lines, agencies (ingestion)."""

    paywall_markers: list[str]
    paywall_marker_max_words: int
    paywall_block_lines: list[str]
    paywall_block_short_words: int
    furniture: dict[str, list[str]]
    furniture_max_words: int
    credit_lines: list[str]
    credit_unbracketed_max_words: int
    inline_credit: str
    credit_by: str
    syndication: str
    syndication_outlet: list[str]
    byline: str
    byline_max_words: int
    date_prefix: str
    agencies: list[Agency]
    agency_signals: AgencySignals
    outlet_signals: OutletSignals

    @model_validator(mode="after")
    def _compiles(self) -> "BoilerplateLexicon":
        patterns = (self.paywall_markers + self.paywall_block_lines + self.credit_lines + self.syndication_outlet
                    + [p for group in self.furniture.values() for p in group]
                    + [self.inline_credit, self.credit_by, self.syndication, self.byline, self.date_prefix,
                       self.outlet_signals.dateline, self.agency_signals.dateline.replace("{agency}", "X"),
                       self.agency_signals.first_hand.replace("{agency}", "X")])
        for p in patterns:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"pattern {p!r} does not compile: {exc}") from None
        return self


class GroupingLexicon(_Section):
    """Event grouping for ``claimrec corpus``."""

    entity_labels: list[str]
    person_labels: list[str]
    term_pos: list[str]
    entity_weight: float
    min_term_chars: int
    max_terms: int
    max_entities: int
    lead_sentences: int = 0
    lead_weight: float = 1.0
    threshold: float
    date_window_days: int
    block_keys_per_doc: int
    block_min_df_cap: int
    block_df_share: float
    block_max_df_cap: int
    label_keys: int


class CheckLexicon(_Section):
    # finding kind -> what a reader should check, in plain words
    checks: dict[str, str]


class Lexicon(_Section):
    cues: CueLexicon
    hedges: HedgeLexicon
    modality: ModalityLexicon
    media: MediaLexicon
    speakers: SpeakerLexicon
    titles: TitleLexicon
    organisations: OrganisationLexicon
    countries: CountryLexicon
    mentions: MentionWords
    numbers: NumberLexicon
    words: WordLists
    checks: CheckLexicon
    boilerplate: BoilerplateLexicon
    grouping: GroupingLexicon


# section -> file under data/lexicons/
FILES = {
    "cues": "cues.json", "hedges": "hedges.json", "modality": "modality.json", "media": "media.json",
    "speakers": "speakers.json", "titles": "titles.json", "organisations": "organisations.json",
    "countries": "countries.json", "mentions": "mentions.json", "numbers": "numbers.json",
    "words": "words.json", "checks": "checks.json", "boilerplate": "boilerplate.json",
    "grouping": "grouping.json",
}


class LexiconError(ValueError):
    """A lexicon file is missing, not JSON, or does not have the shape claimrec expects."""


def _strip_comments(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_comments(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_strip_comments(v) for v in value]
    return value


def read_section(name: str) -> dict:
    path = data_dir() / "lexicons" / FILES[name]
    try:
        with open(path, encoding="utf-8") as handle:
            raw = json.load(handle)
    except (OSError, ValueError) as exc:
        raise LexiconError(f"cannot read lexicon {path}: {exc}") from None
    return _strip_comments(raw)


def load_lexicon() -> Lexicon:
    sections = {name: read_section(name) for name in FILES}
    try:
        return Lexicon.model_validate(sections)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        section = str(first["loc"][0]) if first["loc"] else ""
        raise LexiconError(f"lexicon {FILES.get(section, '?')}: {where}: {first['msg']}") from None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, read and validated once per process."""
    return load_lexicon()


@lru_cache(maxsize=1)
def lexicon_digest() -> str:
    """A hash of every lexicon file's bytes: caches of derived results key on it."""
    import hashlib

    h = hashlib.sha256()
    for name in sorted(FILES):
        h.update(name.encode())
        h.update((data_dir() / "lexicons" / FILES[name]).read_bytes())
    return h.hexdigest()[:16]
