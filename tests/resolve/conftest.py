"""Helpers for party-resolution tests: articles from real text, claims with real speaker spans."""

from __future__ import annotations

import pytest

from claimrec.models import Article, Claim, Speaker, make_span


def article(aid: str, text: str, role: str = "peer") -> Article:
    return Article(id=aid, path=f"{aid}.txt", text=text, role=role)


def claim_with_speaker(art: Article, speaker_text: str, cid: str, *, name=None, kind="unknown",
                       title=None, affiliation=None, resolved_from=None, nth: int = 0) -> Claim:
    """A claim whose speaker span is the ``nth`` occurrence of ``speaker_text`` in the article."""
    start = -1
    for _ in range(nth + 1):
        start = art.text.index(speaker_text, start + 1)
    end = start + len(speaker_text)
    sent_start = art.text.rfind("\n", 0, start) + 1
    sent_end = art.text.find("\n", end)
    sent_end = len(art.text) if sent_end < 0 else sent_end
    speaker = Speaker(text=speaker_text, name=name, kind=kind, title=title, affiliation=affiliation,
                      resolved_from=resolved_from, span=make_span(art.id, art.text, start, end))
    return Claim(id=cid, article_id=art.id, speaker=speaker,
                 content=make_span(art.id, art.text, end, sent_end),
                 sentence=make_span(art.id, art.text, sent_start, sent_end), confidence=0.9)


@pytest.fixture(scope="session")
def parse(nlp):
    def _parse(*arts: Article):
        return [nlp(a.text) for a in arts]
    return _parse
