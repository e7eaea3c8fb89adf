"""claimrec: news-claim reconciliation."""

from claimrec._version import __version__

# The report models are imported on first use (PEP 562): `import claimrec.cli` for
# `claimrec --help` should not pay for pydantic and the models.
_MODELS = ("SCHEMA_VERSION", "Alignment", "Article", "Claim", "Cue", "Derivation", "Finding", "Hedge",
           "Party", "Report", "Span", "Speaker")

__all__ = [*_MODELS, "__version__"]


def __getattr__(name: str):
    if name in _MODELS:
        from claimrec import models

        return getattr(models, name)
    raise AttributeError(f"module 'claimrec' has no attribute {name!r}")
