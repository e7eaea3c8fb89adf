"""How findings cite text in their one-line summaries."""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")


def clip(text: str, limit: int = 80) -> str:
    """One-line excerpt for summaries."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "\u2026"


def q(text: str, limit: int = 80) -> str:
    """A quoted one-line excerpt: the form summaries cite phrases in."""
    return "\u201c" + clip(text, limit) + "\u201d"
