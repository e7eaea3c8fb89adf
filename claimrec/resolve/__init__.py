"""Parties: one per real-world actor across all articles of a run.

``resolve_parties(articles, claims, docs=None) -> (parties, claims)``: parties
come from claim speakers and, when the parsed docs are given, from every
actor the articles mention (named organisations, governments and their organs,
titled people, qualified groups). Each returned claim's speaker carries
``party_id`` and, for people and anonymous roles ("a company spokesperson"),
``person_id`` (a :class:`~claimrec.models.Member` id).
"""

from __future__ import annotations

from typing import Mapping, Optional, Sequence

from claimrec.faults import Faults, several
from claimrec.models import Article, Claim, Party
from claimrec.resolve.mentions import Mention, doc_mentions, dominant_country, place_names, speaker_mentions
from claimrec.resolve.parties import PartyBuilder, assign_speakers

__all__ = ["resolve_parties"]


def resolve_parties(
    articles: Sequence[Article], claims: Sequence[Claim], docs: Optional[Sequence] = None,
    faults: Optional[Faults] = None, aliases: Optional[Mapping[str, Sequence[str]]] = None,
    scanned: Optional[Sequence[Optional[tuple[list[Mention], Optional[str], frozenset[str]]]]] = None,
) -> tuple[list[Party], list[Claim]]:
    """Parties and the claims with their speakers assigned.

    Each article's mentions are gathered in isolation (``faults``): an article that
    breaks the mention scan only loses its own mentions. Building the parties from
    all mentions is one cross-article step; if it fails, the claims keep no party.
    ``aliases`` (from the project's config file) names organisations that are one:
    ``{"Alphabet": ["Google"]}``. ``scanned[i]``, when given and not None, is article i's
    (``doc_mentions``, ``dominant_country``, ``place_names``) found already (the analysis
    cache); its doc is then not read.
    """
    faults = faults or Faults(debug=True)
    articles, claims = list(articles), list(claims)
    docs = list(docs) if docs is not None else [None] * len(articles)
    if len(docs) != len(articles):
        docs = [None] * len(articles)
    index = {a.id: i for i, a in enumerate(articles)}
    claims_of: dict[int, list[int]] = {i: [] for i in range(len(articles))}
    for ci, claim in enumerate(claims):
        if claim.article_id in index:
            claims_of[index[claim.article_id]].append(ci)
    found: dict[int, list[Mention]] = {}
    dominant: dict[int, Optional[str]] = {}
    places: dict[int, frozenset[str]] = {}
    for i, (article, doc) in enumerate(zip(articles, docs)):
        done = scanned[i] if scanned is not None and i < len(scanned) else None
        if done is not None:
            found[i], dominant[i], places[i] = done
            continue
        found[i] = faults.run("resolve", article.path, doc_mentions, i, article, doc, default=[])
        dominant[i] = faults.run("resolve", article.path, dominant_country, doc, default=None)
        places[i] = faults.run("resolve", article.path, place_names, doc, default=frozenset())
    mentions = [m for ms in found.values() for m in ms]
    for i, article in enumerate(articles):
        mentions += faults.run("resolve", article.path, speaker_mentions, claims, index, found,
                               claims_of[i], places, default=[])
    sources = frozenset(i for i, a in enumerate(articles) if a.role == "source")
    built = faults.run("resolve", several([a.path for a in articles]), PartyBuilder(mentions, dominant, sources, aliases).build,
                       default=None)
    if built is None:
        return [], claims
    parties, assignment = built
    return parties, assign_speakers(claims, assignment)

