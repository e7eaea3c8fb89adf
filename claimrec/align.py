"""Claim and sentence alignment (placeholder, issue 4)."""

from __future__ import annotations

from claimrec.models import Alignment, Article, Claim, Derivation


def align_articles(articles: list[Article], docs: list, claims: list[Claim]) -> tuple[list[Alignment], list[Derivation]]:
    return [], []
