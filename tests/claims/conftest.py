"""Helpers for the extraction tests: short news sentences written for these tests."""

from __future__ import annotations

import pytest

from claimrec.claims import extract_claims
from claimrec.models import Article
from claimrec.text.document import annotate


@pytest.fixture(scope="session")
def extract(nlp):
    """text -> claims of a one-article doc (article id 't')."""

    def run(text: str, article_id: str = "t"):
        article = Article(id=article_id, path=f"{article_id}.txt", text=text)
        return extract_claims(article, annotate(article_id, text, nlp(text)))

    return run


def only(claims, **where):
    """The one claim whose cue lemma / speaker text / content match ``where``."""
    found = [c for c in claims if matches(c, **where)]
    assert len(found) == 1, f"expected one claim with {where}, got {[(c.cue and c.cue.lemma, c.content.text) for c in claims]}"
    return found[0]


def matches(claim, cue=None, speaker=None, content=None) -> bool:
    if cue is not None and (claim.cue is None or claim.cue.lemma != cue):
        return False
    if speaker is not None and (claim.speaker is None or speaker not in (claim.speaker.name or claim.speaker.text)):
        return False
    if content is not None and content not in claim.content.text:
        return False
    return True
