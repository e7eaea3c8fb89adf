"""claimrec: news-claim reconciliation."""

from claimrec._version import __version__
from claimrec.models import (
    SCHEMA_VERSION,
    Alignment,
    Article,
    Claim,
    Cue,
    Derivation,
    Finding,
    Hedge,
    Party,
    Report,
    Span,
    Speaker,
)

__all__ = [
    "SCHEMA_VERSION",
    "Alignment",
    "Article",
    "Claim",
    "Cue",
    "Derivation",
    "Finding",
    "Hedge",
    "Party",
    "Report",
    "Span",
    "Speaker",
    "__version__",
]
