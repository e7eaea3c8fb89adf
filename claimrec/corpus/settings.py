"""The grouping settings: the ``grouping`` section of the typed lexicon (``data/lexicons/grouping.json``)."""

from __future__ import annotations

from claimrec.text.lexicon import GroupingLexicon as GroupingSettings

__all__ = ["GroupingSettings", "grouping_settings"]


def grouping_settings() -> GroupingSettings:
    from claimrec.text.lexicon import lexicon

    return lexicon().grouping
