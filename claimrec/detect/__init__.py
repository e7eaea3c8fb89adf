"""Findings (placeholder, issue 5)."""

from __future__ import annotations


def detect_findings(articles, docs, claims, parties, alignments, derivations) -> list:
    return []
