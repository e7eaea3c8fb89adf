"""Ingestion: files, folders and stdin -> cleaned :class:`Article` s (placeholder, issue 2)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from claimrec.models import Article, InputError


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def read_inputs(paths: list[str], *, source: str | None = None) -> IngestResult:
    result = IngestResult()
    for p in paths:
        path = Path(p)
        files = sorted(x for x in path.rglob("*") if x.is_file()) if path.is_dir() else [path]
        for f in files:
            try:
                text = f.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                result.errors.append(InputError(path=str(f), reason=str(exc)))
                continue
            result.articles.append(Article(id=f.stem, path=str(f), text=text))
    return result
