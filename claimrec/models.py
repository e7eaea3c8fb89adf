"""Pydantic models of the report contract (see DESIGN.md, "Report contract").

Every span carries ``article_id``/``start``/``end``/``text`` with offsets into
that article's cleaned body, and :class:`Report` refuses to exist when one of
them does not hold ``article.text[start:end] == text``: a report whose
evidence cannot be found again in the article is worse than no report.
"""

from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimrec._version import __version__

SCHEMA_VERSION = "1.1"

Role = Literal["source", "rewrite", "peer"]
QuoteType = Literal["direct", "indirect", "mixed"]
Stance = Literal["assert", "deny"]
# what the attribution reports: speech (said, denied, accused, a quote), a belief
# (thinks, expects), a plan (wants, intends) or a source-marking phrase (according to)
ClaimKind = Literal["speech", "belief", "plan", "according-to"]
PartyKind = Literal["person", "organisation", "government", "group", "unknown"]
Severity = Literal["high", "medium", "low"]
AlignmentLevel = Literal["claim", "sentence"]
AlignmentRelation = Literal["verbatim", "paraphrase", "partial", "rewritten", "new"]
DerivationLabel = Literal["wholly", "partially", "non"]
FindingKind = Literal[
    "party_contradiction",
    "hedge_dropped",
    "hedge_added",
    "attribution_changed",
    "speaker_variant",
    "quote_unsourced",
    "quote_altered",
    "stance_flip",
    "role_swap",
    "place_changed",
    "number_changed",
    "date_changed",
    "modality_shift",
    "unsupported_addition",
    "omission",
]

SEVERITY_RANK: dict[str, int] = {"high": 3, "medium": 2, "low": 1}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A stretch of one article's cleaned body text."""

    article_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match its offsets")
        return self


class Removed(_Model):
    """Boilerplate taken out of an article.

    ``raw_start``/``raw_end`` are character offsets into the text the article
    was cleaned from, and ``text`` is that slice of it: for txt and md the
    decoded input file (front matter counted, a byte-order mark not), for json
    and jsonl the record's text field (a list of paragraphs joined by blank
    lines), for html the text trafilatura extracted from the page. They never
    point into ``Article.text``, nor, for json, jsonl and html, into the file.
    """

    kind: str
    raw_start: int = Field(ge=0)
    raw_end: int = Field(ge=0)
    text: str


class Article(_Model):
    id: str
    path: str
    format: str = "txt"
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    byline: Optional[str] = None
    url: Optional[str] = None
    credits: list[str] = Field(default_factory=list)
    role: Role = "peer"
    role_reason: str = ""
    text: str
    removed: list[Removed] = Field(default_factory=list)
    # The story this article belongs to, when the input says so (JSON field,
    # corpus subfolder); `claimrec corpus` groups by it before clustering.
    event: Optional[str] = None


class Speaker(_Model):
    text: str
    name: Optional[str] = None
    title: Optional[str] = None
    affiliation: Optional[str] = None
    kind: PartyKind = "unknown"
    party_id: Optional[str] = None
    person_id: Optional[str] = None
    resolved_from: Optional[str] = None
    span: Optional[Span] = None


class Cue(_Model):
    text: str
    lemma: str
    cls: str = "neutral"
    span: Optional[Span] = None


class Hedge(_Model):
    text: str
    kind: str
    span: Optional[Span] = None


class Claim(_Model):
    id: str
    article_id: str
    speaker: Optional[Speaker] = None
    cue: Optional[Cue] = None
    content: Span
    quote: QuoteType = "indirect"
    kind: ClaimKind = "speech"
    stance: Stance = "assert"
    negated: bool = False
    hedges: list[Hedge] = Field(default_factory=list)
    medium: Optional[str] = None
    sentence: Span
    embedded_in: Optional[str] = None
    confidence: float = Field(ge=0.0, le=1.0)


class Member(_Model):
    id: str
    name: str
    titles: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)


class Party(_Model):
    id: str
    name: str
    kind: PartyKind = "unknown"
    aliases: list[str] = Field(default_factory=list)
    members: list[Member] = Field(default_factory=list)


class Alignment(_Model):
    id: str
    level: AlignmentLevel
    claim_ids: list[str] = Field(default_factory=list)
    spans: list[Span] = Field(default_factory=list)
    relation: AlignmentRelation
    similarity: float = Field(ge=0.0, le=1.0)


class Derivation(_Model):
    """How much of a rewrite comes from its source (METER-style label)."""

    source_id: str
    rewrite_id: str
    sentences: int
    verbatim: int
    rewritten: int
    new: int
    derived_share: float = Field(ge=0.0, le=1.0)
    label: DerivationLabel


class Finding(_Model):
    id: str
    kind: FindingKind
    severity: Severity
    confidence: float = Field(ge=0.0, le=1.0)
    summary: str
    # what a reader should check, in plain words (one line per kind, data/lexicons/checks.json)
    check: str = ""
    party_ids: list[str] = Field(default_factory=list)
    claim_ids: list[str] = Field(default_factory=list)
    evidence: list[Span] = Field(min_length=1)


class Tool(_Model):
    name: str = "claimrec"
    version: str = __version__


ErrorKind = Literal["input", "internal"]


class RunError(_Model):
    """Something that went wrong on one input, article or article pair; the run went on.

    ``kind="input"``: the input could not be read (empty, binary, too big...), and
    it was skipped. ``kind="internal"``: claimrec itself failed at ``stage`` on that
    article or pair (``exception`` names the exception type); the rest of the run's
    output is still there, and the exit code is 3.
    """

    path: str
    reason: str
    stage: str = "ingest"
    kind: ErrorKind = "input"
    exception: Optional[str] = None


# An unreadable input: the common case, kept under its own name.
InputError = RunError


class Report(_Model):
    schema_version: str = SCHEMA_VERSION
    tool: Tool = Field(default_factory=Tool)
    articles: list[Article] = Field(default_factory=list)
    parties: list[Party] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    alignments: list[Alignment] = Field(default_factory=list)
    derivations: list[Derivation] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    errors: list[RunError] = Field(default_factory=list)
    stats: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _spans_point_into_articles(self) -> "Report":
        texts = {a.id: a.text for a in self.articles}
        for span in iter_spans(self):
            body = texts.get(span.article_id)
            if body is None:
                raise ValueError(f"span refers to unknown article {span.article_id!r}")
            if body[span.start : span.end] != span.text:
                raise ValueError(
                    f"span {span.start}:{span.end} of {span.article_id!r} does not match its text"
                )
        return self


def iter_spans(report: Report):
    """Every span in a report, wherever it sits."""
    for claim in report.claims:
        yield claim.content
        yield claim.sentence
        if claim.speaker and claim.speaker.span:
            yield claim.speaker.span
        if claim.cue and claim.cue.span:
            yield claim.cue.span
        for hedge in claim.hedges:
            if hedge.span:
                yield hedge.span
    for alignment in report.alignments:
        yield from alignment.spans
    for finding in report.findings:
        yield from finding.evidence


def make_span(article_id: str, body: str, start: int, end: int) -> Span:
    """A span over ``body[start:end]``; the one way spans should be built."""
    return Span(article_id=article_id, start=start, end=end, text=body[start:end])
