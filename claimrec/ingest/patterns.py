"""The boilerplate lexicon (data/lexicons/boilerplate.json, a section of the typed lexicon), compiled once."""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Iterator

from claimrec.text.lexicon import lexicon


@dataclass(frozen=True)
class Agency:
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Patterns:
    paywall_markers: tuple[re.Pattern[str], ...]
    paywall_marker_max_words: int
    paywall_block_lines: tuple[re.Pattern[str], ...]
    paywall_block_short_words: int
    furniture: tuple[tuple[str, re.Pattern[str]], ...]
    furniture_max_words: int
    credit_lines: tuple[re.Pattern[str], ...]
    credit_unbracketed_max_words: int
    inline_credit: re.Pattern[str]
    credit_by: re.Pattern[str]
    syndication: re.Pattern[str]
    syndication_outlet: tuple[re.Pattern[str], ...]
    byline: re.Pattern[str]
    byline_max_words: int
    date_prefix: re.Pattern[str]
    agencies: tuple[Agency, ...]
    agency_dateline: re.Pattern[str]
    agency_first_hand: re.Pattern[str]
    agency_name: re.Pattern[str]
    outlet_dateline: re.Pattern[str]
    outlet_dateline_lines: int
    citation_templates: tuple[str, ...]

    def agency_for(self, alias: str) -> str:
        """The canonical agency name for a matched alias."""
        folded = alias.casefold()
        for agency in self.agencies:
            if any(a.casefold() == folded for a in agency.aliases):
                return agency.name
        return alias


def _ci(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


# Whole-line furniture patterns a project adds in its config file, for the reads inside
# ``extra_furniture``; their removals are recorded as kind "config".
_EXTRA: ContextVar[tuple[str, ...]] = ContextVar("claimrec_extra_furniture", default=())
EXTRA_KIND = "config"


@contextmanager
def extra_furniture(extra: Iterable[str]) -> Iterator[None]:
    token = _EXTRA.set(tuple(extra))
    try:
        yield
    finally:
        _EXTRA.reset(token)


def patterns() -> Patterns:
    """The boilerplate lexicon compiled, with the project's extra furniture if any is in force."""
    return _with_extra(_EXTRA.get())


@lru_cache(maxsize=16)
def _with_extra(extra: tuple[str, ...]) -> Patterns:
    base = _lexicon_patterns()
    if not extra:
        return base
    added = tuple((EXTRA_KIND, re.compile(p, re.IGNORECASE)) for p in extra)
    return replace(base, furniture=base.furniture + added)


@lru_cache(maxsize=1)
def _lexicon_patterns() -> Patterns:
    data = lexicon().boilerplate
    agencies = tuple(Agency(a.name, tuple(a.aliases)) for a in data.agencies)
    # Longest alias first so "Thomson Reuters" wins over "Reuters"; agency
    # names stay case-sensitive because "AP" and "ap" are not the same word.
    aliases = sorted({alias for a in agencies for alias in a.aliases}, key=len, reverse=True)
    alternation = "|".join(re.escape(a) for a in aliases)
    signals = data.agency_signals
    furniture = tuple(
        (kind, re.compile(p, re.IGNORECASE))
        for kind, group in data.furniture.items()
        for p in group
    )
    return Patterns(
        paywall_markers=_ci(data.paywall_markers),
        paywall_marker_max_words=data.paywall_marker_max_words,
        paywall_block_lines=_ci(data.paywall_block_lines),
        paywall_block_short_words=data.paywall_block_short_words,
        furniture=furniture,
        furniture_max_words=data.furniture_max_words,
        credit_lines=_ci(data.credit_lines),
        credit_unbracketed_max_words=data.credit_unbracketed_max_words,
        inline_credit=re.compile(data.inline_credit, re.IGNORECASE),
        credit_by=re.compile(data.credit_by, re.IGNORECASE),
        syndication=re.compile(data.syndication, re.IGNORECASE),
        syndication_outlet=tuple(re.compile(p) for p in data.syndication_outlet),
        byline=re.compile(data.byline),
        byline_max_words=data.byline_max_words,
        date_prefix=re.compile(data.date_prefix, re.IGNORECASE),
        agencies=agencies,
        agency_dateline=re.compile(signals.dateline.replace("{agency}", alternation)),
        agency_first_hand=re.compile(signals.first_hand.replace("{agency}", alternation)),
        agency_name=re.compile(rf"\b(?P<agency>{alternation})\b"),
        outlet_dateline=re.compile(data.outlet_signals.dateline, re.IGNORECASE | re.MULTILINE),
        outlet_dateline_lines=data.outlet_signals.dateline_lines,
        citation_templates=tuple(data.outlet_signals.citations),
    )
