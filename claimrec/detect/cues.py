"""Reporting and denial cues, titles and unnamed-speaker nouns as detection needs them.

Cue classes come from the extraction stage's lexicon (``data/lexicons/cues.json``
through :func:`claimrec.extract.lexicon.get_lexicon`), so both stages agree on
what a reporting verb is.
"""

from __future__ import annotations

from functools import lru_cache

from claimrec.extract.lexicon import get_lexicon
from claimrec.resources import load_json


@lru_cache(maxsize=1)
def cue_classes() -> dict[str, str]:
    """Reporting-verb lemma -> cue class (neutral, assertive, denial, ...)."""
    return {lemma: cue.cls for lemma, cue in get_lexicon().verbs.items()}


def is_reporting(tok) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in cue_classes()


def is_denial(tok) -> bool:
    return tok.pos_ == "VERB" and cue_classes().get(tok.lemma_.lower()) == "denial"


SPEECH_CLASSES = frozenset({"neutral", "assertive", "denial", "accusation"})


@lru_cache(maxsize=1)
def anonymous_heads() -> frozenset[str]:
    """Nouns that describe a speaker without naming one ("spokesperson", "official", "prosecutors").

    Read from the extraction stage's titles.json ('role') and speakers.json ('person_heads').
    """
    out: set[str] = set()
    for name, keys in (("lexicons/titles.json", ("role",)), ("lexicons/speakers.json", ("person_heads",))):
        try:
            data = load_json(name)
        except (OSError, ValueError):
            continue
        for key in keys:
            vals = data.get(key, []) if isinstance(data, dict) else []
            out.update(v.lower() for v in vals if isinstance(v, str) and " " not in v)
    out.update(load_json("lexicons/detect_hedges.json").get("anonymous_fallback", []))
    return frozenset(out)


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Single words that are titles or honorifics (titles.json, read only)."""
    out: set[str] = set()
    try:
        data = load_json("lexicons/titles.json")
    except (OSError, ValueError):
        data = {}
    for key, vals in (data.items() if isinstance(data, dict) else []):
        if key.startswith("_") or not isinstance(vals, list):
            continue
        for v in vals:
            if isinstance(v, str):
                out.update(v.lower().replace(".", "").split())
    out.update(load_json("lexicons/detect_hedges.json").get("anonymous_fallback", []))
    return frozenset(out)
