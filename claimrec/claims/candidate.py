"""The extractors' working record of one claim, before it becomes a ``Claim``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class SpeakerInfo:
    """Who a claim is attributed to; offsets are characters into the body."""

    start: int
    end: int
    text: str
    head: int  # token index of the mention's head
    name: Optional[str] = None
    title: Optional[str] = None
    affiliation: Optional[str] = None
    kind: str = "unknown"
    plural: bool = False
    gender: Optional[str] = None  # "female" | "male" when the mention tells (honorific, noun, first name)
    resolved_from: Optional[str] = None
    needs_resolution: bool = False  # a pronoun or "the company"-style description


@dataclass
class Candidate:
    content: tuple[int, int]
    sent: int  # sentence index of the cue (or of the content start)
    how: str  # which rule found it: clause, quote, object, infinitive, prep, according, nominal, ...
    cue_tok: Optional[int] = None
    cue_span: Optional[tuple[int, int]] = None
    cue_text: Optional[str] = None
    cue_lemma: Optional[str] = None
    cue_cls: str = "neutral"
    cue_negated: bool = False
    speaker: Optional[SpeakerInfo] = None
    content_head: Optional[int] = None  # token whose negation decides ``negated``
    quote: str = "indirect"
    confidence: float = 0.8
    balanced: bool = True
    parent: Optional["Candidate"] = None  # the claim this one is embedded in
    medium_hint: Optional[str] = None
    extra_tokens: list[int] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.content[0]

    @property
    def end(self) -> int:
        return self.content[1]

    def frame_start(self) -> int:
        points = [self.content[0]]
        if self.cue_span:
            points.append(self.cue_span[0])
        if self.speaker:
            points.append(self.speaker.start)
        return min(points)
