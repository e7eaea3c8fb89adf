"""Severity and confidence of each finding kind, computed from its evidence.

Every detector reports the facts it saw (signals) and :func:`rate` turns them
into a severity and a confidence, so the rules live in one place.

Severity (what the finding would cost a reader who trusted the rewrite):

- ``party_contradiction``: high when two named parties' explicit claims assert and
  deny one proposition (a denial of the claim itself, or the same predicate and
  participants, or a thing one names and the other says does not exist); medium when a
  side is a described speaker ("officials") or was read from the text around a
  denial ("denied a claim by X that ..."), or when the two only give different
  figures for the same quantity.
- ``stance_flip``: high (the rewrite says the opposite).
- ``role_swap``: high when subject and object traded places, or when a named
  participant inside an attributed claim was replaced by another named one; medium when
  one argument of the same predicate was replaced by a different referent.
- ``place_changed``: medium; high inside an attributed claim.
- ``attribution_changed``: high when the content moved to another party;
  medium when a named speaker became anonymous or the reverse, or another named
  person of the same party (or of none resolved).
- ``quote_unsourced``: high for quotes of five words or more, else medium.
- ``quote_altered``: high when negation changed inside the quote, else medium.
- ``unsupported_addition``: high when it introduces a new person who is quoted
  or speaks; medium for new names or figures; low for a sentence with no
  source counterpart but no new names.
- ``omission``: high when the dropped claim is one side of a party
  contradiction; medium for a dropped direct quote or denial; low otherwise.
- ``hedge_dropped``: high when the hedged proposition is contested by another
  party, else medium. ``hedge_added``: low.
- ``number_changed`` / ``date_changed``: medium; high when the figure sits
  inside an attributed claim.
- ``modality_shift``: medium when certainty is raised (would -> will), low when
  lowered.
- ``speaker_variant``: low.

Confidence (0..1) grows with how directly the evidence shows the problem:

- a base per kind (the share of such findings that held up on the seed pair and
  FRANK samples when the evidence is unambiguous), plus
- match quality: alignment similarity of the sentence pair, fuzzy-match scores
  of quotes and names, share of the hedged or claimed words carried over,
  arguments shared by aligned predicates, a same-unit counterpart for figures;
- minus uncertainty from upstream: extraction confidence of the claims used,
  pronoun or inferred speakers, one-token evidence.

Values are clamped to [0.05, 0.99] and rounded to two decimals. Near-duplicate
findings (same kind, overlapping evidence in every article, or the same
parties and proposition) are merged keeping the highest severity and
confidence; ids ``f1``, ``f2``, ... follow the final order (severity, then
confidence, then position of the first evidence span).
"""

from __future__ import annotations


def _clamp(x: float) -> float:
    return round(min(0.99, max(0.05, x)), 2)


def rate(kind: str, **s) -> tuple[str, float]:
    """(severity, confidence) for a finding of ``kind`` with signals ``s``."""
    rule = _RULES[kind]
    severity, confidence = rule(s)
    return severity, _clamp(confidence)


def _party_contradiction(s):
    conf = 0.45 + 0.4 * s.get("strength", 0.0) + 0.05 * bool(s.get("explicit")) + 0.05 * bool(s.get("named"))
    conf *= 0.6 + 0.4 * s.get("claim_conf", 1.0)
    if s.get("figures_only"):
        return "medium", conf
    if s.get("explicit") and s.get("named"):
        return "high", conf
    return "medium", conf - 0.05


def _hedge_dropped(s):
    conf = 0.4 + 0.35 * s.get("coverage", 0.0) + 0.15 * s.get("similarity", 0.0)
    if s.get("attribution"):
        conf -= 0.1  # "X said P" -> "P" is often a harmless compression
    return ("high" if s.get("contested") else "medium"), conf


def _hedge_added(s):
    return "low", 0.4 + 0.35 * s.get("coverage", 0.0) + 0.15 * s.get("similarity", 0.0)


def _attribution_changed(s):
    conf = 0.5 + 0.3 * s.get("overlap", 0.0) + 0.1 * bool(s.get("resolved"))
    if s.get("party_changed"):
        return "high", conf
    return "medium", conf


def _speaker_variant(s):
    if s.get("spelling_changed"):
        return "low", 0.45 + 0.45 * s.get("name_sim", 0.0)
    return "low", 0.6


def _quote_unsourced(s):
    words = s.get("words", 0)
    conf = 0.45 + 0.4 * (1.0 - s.get("best", 0.0)) + 0.1 * min(words, 20) / 20
    return ("high" if words >= 5 else "medium"), conf


def _quote_altered(s):
    conf = 0.5 + 0.4 * s.get("similarity", 0.0)
    return ("high" if s.get("negation_changed") else "medium"), conf


def _stance_flip(s):
    conf = 0.6 + 0.08 * min(s.get("shared", 0), 3) + 0.1 * s.get("similarity", 0.0)
    if s.get("via_claims"):
        conf += 0.05
    return "high", conf


def _role_swap(s):
    if s.get("full_swap"):
        return "high", 0.75 + 0.15 * s.get("similarity", 0.0)
    conf = 0.45 + 0.2 * s.get("similarity", 0.0) + 0.05 * min(s.get("shared", 0), 2)
    if s.get("named"):
        conf += 0.1  # two different names in one role is plain to see
    return ("high" if s.get("named") and s.get("in_claim") else "medium"), conf


def _place_changed(s):
    conf = 0.5 + 0.2 * s.get("similarity", 0.0) + 0.05 * min(s.get("shared", 0), 2)
    return ("high" if s.get("in_claim") else "medium"), conf


def _figure(s):
    conf = 0.5 + 0.25 * bool(s.get("same_unit")) + 0.15 * s.get("similarity", 0.0)
    return ("high" if s.get("in_claim") else "medium"), conf


def _modality_shift(s):
    conf = 0.4 + 0.2 * bool(s.get("same_predicate")) + 0.1 * min(s.get("shared", 0), 2) \
        + 0.1 * s.get("similarity", 0.0)
    return ("medium" if s.get("raised") else "low"), conf


def _unsupported_addition(s):
    names, figures = s.get("new_names", 0), s.get("new_figures", 0)
    conf = 0.4 + 0.15 * min(names + figures, 3) + 0.2 * s.get("unsupported", 0.0)
    if s.get("relation") == "new":
        conf += 0.1
    if s.get("quoted_person"):
        return "high", conf + 0.1
    if names or figures:
        return "medium", conf
    return "low", conf - 0.05


def _omission(s):
    conf = 0.45 + 0.4 * (1.0 - s.get("coverage", 0.0)) + 0.1 * s.get("claim_conf", 0.5)
    if s.get("contested"):
        return "high", conf
    if s.get("direct") or s.get("deny"):
        return "medium", conf
    return "low", conf - 0.05


_RULES = {
    "party_contradiction": _party_contradiction,
    "hedge_dropped": _hedge_dropped,
    "hedge_added": _hedge_added,
    "attribution_changed": _attribution_changed,
    "speaker_variant": _speaker_variant,
    "quote_unsourced": _quote_unsourced,
    "quote_altered": _quote_altered,
    "stance_flip": _stance_flip,
    "role_swap": _role_swap,
    "place_changed": _place_changed,
    "number_changed": _figure,
    "date_changed": _figure,
    "modality_shift": _modality_shift,
    "unsupported_addition": _unsupported_addition,
    "omission": _omission,
}
