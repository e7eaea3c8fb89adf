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
