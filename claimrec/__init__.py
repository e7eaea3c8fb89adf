"""claimrec: news-claim reconciliation.

The public API is :func:`reconcile`, :func:`diff` and :func:`extract` (see
:mod:`claimrec.api`) and the report models. They are imported on first use (PEP 562):
``import claimrec`` (and ``claimrec --help``) should pay neither for pydantic nor for
the pipeline, and none of them imports spaCy until an article is parsed.
"""

from claimrec._version import __version__

_MODELS = ("SCHEMA_VERSION", "Alignment", "Article", "Claim", "Cue", "Derivation", "Finding", "Hedge",
           "Party", "Report", "Span", "Speaker")
_API = ("diff", "extract", "reconcile")

__all__ = [*_MODELS, "__version__", *_API]


def __getattr__(name: str):
    if name in _MODELS:
        from claimrec import models

        return getattr(models, name)
    if name in _API:
        from claimrec import api

        return getattr(api, name)
    raise AttributeError(f"module 'claimrec' has no attribute {name!r}")
