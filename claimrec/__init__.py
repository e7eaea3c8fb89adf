"""claimrec: news-claim reconciliation.

The public API is :func:`reconcile`, :func:`diff` and :func:`extract` (see
:mod:`claimrec.api`) and the report models. None of them imports spaCy until an
article is parsed, so ``import claimrec`` stays cheap.
"""

from claimrec._version import __version__
from claimrec.api import diff, extract, reconcile
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
    "diff",
    "extract",
    "reconcile",
]
