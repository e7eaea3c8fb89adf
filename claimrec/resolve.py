"""Parties across articles (placeholder, issue 4)."""

from __future__ import annotations

from claimrec.models import Article, Claim, Party


def resolve_parties(articles: list[Article], claims: list[Claim]) -> tuple[list[Party], list[Claim]]:
    return [], list(claims)
