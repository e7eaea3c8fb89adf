"""Shared fixtures: the real spaCy pipeline (loaded once) and the example articles."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "data" / "examples"
SEED_DIR = EXAMPLES / "meta-kazakhstan"
WIRE = SEED_DIR / "002_5b0591697e1febfe.txt"
REWRITE = SEED_DIR / "000_68e9e79a0af75a1d.txt"


@pytest.fixture(scope="session")
def nlp():
    from claimrec.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEED_DIR


@pytest.fixture(scope="session")
def wire_path() -> Path:
    return WIRE


@pytest.fixture(scope="session")
def rewrite_path() -> Path:
    return REWRITE


@pytest.fixture(scope="session")
def annotated(nlp):
    """article -> its annotated document (the real parse, annotated by the text layer)."""
    from claimrec.text.document import annotate

    return lambda article: annotate(article.id, article.text, nlp(article.text))
