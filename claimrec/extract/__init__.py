"""Attributed claim extraction (placeholder, issue 3)."""

from __future__ import annotations

from claimrec.models import Article, Claim


def extract_claims(article: Article, doc) -> list[Claim]:
    return []
