"""The extraction lexicons (data/lexicons/*.json), loaded once into lookup tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimrec.resources import load_json

# A capitalised name of up to five words, case-sensitive inside otherwise
# case-insensitive media patterns ("in an email to the AP").
_NAME = r"(?-i:[A-Z][\w.&'’-]*(?:[ ](?:of[ ]|for[ ]|the[ ]|and[ ])?[A-Z][\w.&'’-]*){0,4})"


@dataclass(frozen=True)
class VerbCue:
    lemma: str
    cls: str
    frames: frozenset[str]

    @property
    def preps(self) -> frozenset[str]:
        return frozenset(f[5:] for f in self.frames if f.startswith("prep:"))


@dataclass
class Lexicon:
    verbs: dict[str, VerbCue]
    phrasal: dict[tuple[str, str], str]
    nominal: dict[str, str]
    prepositional: dict[str, str]
    prepositional_index: dict[str, list[tuple[str, ...]]]
    hedge_regex: re.Pattern
    hedge_kinds: dict[str, str]
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
    denial_classes: frozenset[str] = field(default_factory=lambda: frozenset({"denial"}))


def _hedge_regex(phrases: dict[str, str], pronouns: list[str]) -> tuple[re.Pattern, dict[str, str]]:
    pron = r"(?:%s|the \w+)" % "|".join(re.escape(p) for p in pronouns)
    kinds: dict[str, str] = {}
    alternatives = []
    # longest first so "what it called" wins over "called"-like overlaps
    for i, (phrase, kind) in enumerate(sorted(phrases.items(), key=lambda kv: -len(kv[0]))):
        group = f"h{i}"
        body = re.escape(phrase).replace(re.escape("{pron}"), pron).replace(r"\ ", r"\s+")
        alternatives.append(f"(?P<{group}>{body})")
        kinds[group] = kind
    regex = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(alternatives), re.IGNORECASE)
    return regex, kinds


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    cues = load_json("lexicons/cues.json")
    hedges = load_json("lexicons/hedges.json")
    media = load_json("lexicons/media.json")
    speakers = load_json("lexicons/speakers.json")
    verbs = {
        lemma: VerbCue(lemma, spec["cls"], frozenset(spec.get("frames", ["clause", "quote"])))
        for lemma, spec in cues["verbs"].items()
    }
    phrasal = {}
    for phrase, cls in cues.get("phrasal", {}).items():
        verb, _, particle = phrase.partition(" ")
        phrasal[(verb, particle)] = cls
    prepositional = dict(cues.get("prepositional", {}))
    prep_index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in prepositional:
        words = tuple(phrase.lower().split())
        prep_index.setdefault(words[0], []).append(words)
    hedge_regex, hedge_kinds = _hedge_regex(hedges["phrases"], hedges.get("pronouns", []))
    media_patterns = [
        (p["kind"], re.compile(p["regex"].replace("{NAME}", _NAME), re.IGNORECASE))
        for p in media["patterns"]
    ]
    return Lexicon(
        verbs=verbs,
        phrasal=phrasal,
        nominal=dict(cues.get("nominal", {})),
        prepositional=prepositional,
        prepositional_index=prep_index,
        hedge_regex=hedge_regex,
        hedge_kinds=hedge_kinds,
        modals=dict(hedges.get("modals", {})),
        media=media_patterns,
        government_heads=frozenset(speakers["government_heads"]),
        organisation_heads=frozenset(speakers["organisation_heads"]),
        person_heads=frozenset(speakers["person_heads"]),
        titles=frozenset(speakers["titles"]),
        person_pronouns=frozenset(speakers["person_pronouns"]),
        thing_pronouns=frozenset(speakers["thing_pronouns"]),
        plural_pronouns=frozenset(speakers["plural_pronouns"]),
        first_person=frozenset(speakers["first_person"]),
        determiners=frozenset(speakers["determiners"]),
        not_speakers=frozenset(speakers.get("not_speakers", [])),
        no_one=frozenset(speakers["no_one"]),
        generic_pronouns=frozenset(speakers["generic_pronouns"]),
        evidence_verbs=frozenset(cues.get("evidence", {}).get("verbs", [])),
        evidence_subjects=frozenset(cues.get("evidence", {}).get("subjects", [])),
    )
