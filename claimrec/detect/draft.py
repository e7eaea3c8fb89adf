"""A finding before merging and numbering."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from claimrec.models import Span


@dataclass
class Draft:
    kind: str
    severity: str
    confidence: float
    summary: str
    evidence: list[Span]
    party_ids: list[str] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    # drafts of one kind sharing a non-empty key describe the same problem and are merged
    key: Optional[tuple] = None

    def articles(self) -> set[str]:
        return {s.article_id for s in self.evidence}


@dataclass(frozen=True)
class Contested:
    """What the contradiction phase found, as later phases need it: the claims that are one
    side of a party contradiction, and the key phrases the parties contradict each other on."""

    claim_ids: frozenset[str] = frozenset()
    keys: tuple[frozenset, ...] = ()

    def covers(self, keys) -> bool:
        """True when ``keys`` name a proposition two parties contradict each other on."""
        return any(k and k <= keys for k in self.keys)


@dataclass(frozen=True)
class Given:
    """What a phase hands the next: data, never shared mutable state.

    ``explained``: rewrite phrases that earlier findings already account for (a changed
    figure, a modal shift); ``unsupported_addition`` does not count their words again."""

    contested: Contested = Contested()
    explained: tuple[Span, ...] = ()

    def is_explained(self, article_id: str, start: int, end: int) -> bool:
        return any(sp.article_id == article_id and sp.start <= start and end <= sp.end for sp in self.explained)
