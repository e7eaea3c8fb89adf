"""Explicit event labels: the article's ``event`` (from its JSON record or front matter), or its subfolder."""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from claimrec.models import Article

BY_FIELD = "event_field"
BY_SUBFOLDER = "subfolder"
BY_CLUSTER = "cluster"


def _subfolder(root: Path, path: Path) -> Optional[str]:
    try:
        rel = path.resolve().relative_to(root)
    except (ValueError, OSError):
        return None
    return rel.parts[0] if len(rel.parts) > 1 else None


def event_labels(root: str, articles: Sequence[Article]) -> list[Optional[tuple[str, str]]]:
    """Per article, ``(event label, how it was found)`` or None when there is none.

    Ingestion reads the event field of JSON and JSONL records and of Markdown
    front matter into ``Article.event``; articles without one take the name of
    the subfolder of ``root`` they sit in.
    """
    root_path = Path(root).resolve()
    root_is_dir = root_path.is_dir()
    labels: list[Optional[tuple[str, str]]] = [None] * len(articles)
    for i, article in enumerate(articles):
        if article.event:
            labels[i] = (article.event, BY_FIELD)
        elif root_is_dir:
            folder = _subfolder(root_path, Path(article.path))
            if folder is not None:
                labels[i] = (folder, BY_SUBFOLDER)
    return labels
