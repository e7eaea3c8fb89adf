"""Parties: one per real-world actor across all articles of a run.

``resolve_parties(articles, claims, docs=None) -> (parties, claims)``: parties
come from claim speakers and, when the parsed docs are given, from every
actor the articles mention (named organisations, governments and their organs,
titled people, qualified groups). Each returned claim's speaker carries
``party_id`` and, for people and anonymous roles ("a company spokesperson"),
``person_id`` (a :class:`~claimrec.models.Member` id).
"""

from __future__ import annotations

from typing import Optional, Sequence

from claimrec.models import Article, Claim, Party
from claimrec.resolve.mentions import Mention, doc_mentions, dominant_country, place_names, speaker_mentions
from claimrec.resolve.parties import PartyBuilder, assign_speakers

__all__ = ["resolve_parties"]


def resolve_parties(
    articles: Sequence[Article], claims: Sequence[Claim], docs: Optional[Sequence] = None
) -> tuple[list[Party], list[Claim]]:
    articles, claims = list(articles), list(claims)
    docs = list(docs) if docs is not None else [None] * len(articles)
    if len(docs) != len(articles):
        docs = [None] * len(articles)
    found: dict[int, list[Mention]] = {i: doc_mentions(i, a, d) for i, (a, d) in enumerate(zip(articles, docs))}
    index = {a.id: i for i, a in enumerate(articles)}
    mentions = [m for ms in found.values() for m in ms]
    places = {i: place_names(d) for i, d in enumerate(docs)}
    mentions += speaker_mentions(claims, index, found, places)
    dominant = {i: dominant_country(d) for i, d in enumerate(docs)}
    sources = frozenset(i for i, a in enumerate(articles) if a.role == "source")
    parties, assignment = PartyBuilder(mentions, dominant, sources).build()
    return parties, assign_speakers(claims, assignment)
