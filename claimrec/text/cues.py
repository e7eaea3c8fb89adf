"""Reporting and denial verbs, as the detectors test single tokens for them.

Classes come from the cue lexicon (``data/lexicons/cues.json``) that extraction uses, so
both stages agree on what a reporting verb is.
"""

from __future__ import annotations

from claimrec.text.lookups import detection


def cue_class(tok):
    """The cue class of a verb token ("neutral", "denial", ...), or None."""
    if tok.pos_ != "VERB":
        return None
    return detection().cue_classes.get(tok.lemma_.lower())


def is_reporting(tok) -> bool:
    return cue_class(tok) is not None


def is_denial(tok) -> bool:
    return cue_class(tok) == "denial"
