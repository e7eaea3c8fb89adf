"""Explicit event labels: an ``event`` field of a JSON(L) record, or the subfolder.

Ingestion may not carry the label, so JSONL files are read again here (only
their event fields) and matched back to the articles ingestion made of them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from claimrec.models import Article

BY_FIELD = "event_field"
BY_SUBFOLDER = "subfolder"
BY_CLUSTER = "cluster"

_LINE_SUFFIX = re.compile(r"^(?P<base>.*?)[:#](?P<line>\d+)$")


@dataclass
class _JsonlEvents:
    by_line: dict[int, str] = field(default_factory=dict)
    by_id: dict[str, str] = field(default_factory=dict)
    in_order: list[Optional[str]] = field(default_factory=list)


def _field_value(record: dict, fields: Sequence[str]) -> Optional[str]:
    for name in fields:
        value = record.get(name)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            text = str(value).strip()
            if text:
                return text
    return None


def _read_jsonl_events(path: Path, fields: Sequence[str]) -> _JsonlEvents:
    found = _JsonlEvents()
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return found
    # numbered as ingestion numbers them (its "stem:line" ids and ":line" errors)
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if not isinstance(record, dict):
            continue
        event = _field_value(record, fields)
        found.in_order.append(event)
        if event is None:
            continue
        found.by_line[number] = event
        ident = _field_value(record, ("id",))
        if ident is not None:
            found.by_id[ident] = event
    return found


def _split_path(article: Article) -> tuple[Path, Optional[int]]:
    match = _LINE_SUFFIX.match(article.path)
    if match and not Path(article.path).exists():
        return Path(match.group("base")), int(match.group("line"))
    return Path(article.path), None


def _subfolder(root: Path, path: Path) -> Optional[str]:
    try:
        rel = path.resolve().relative_to(root)
    except (ValueError, OSError):
        return None
    return rel.parts[0] if len(rel.parts) > 1 else None


def event_labels(
    root: str, articles: Sequence[Article], fields: Sequence[str]
) -> list[Optional[tuple[str, str]]]:
    """Per article, ``(event label, how it was found)`` or None when there is none."""
    root_path = Path(root).resolve()
    root_is_dir = root_path.is_dir()
    labels: list[Optional[tuple[str, str]]] = [None] * len(articles)
    jsonl_cache: dict[Path, _JsonlEvents] = {}
    unmatched: dict[Path, list[int]] = {}
    per_file: dict[Path, list[int]] = {}

    for i, article in enumerate(articles):
        if article.event:
            labels[i] = (article.event, BY_FIELD)
            continue
        path, line = _split_path(article)
        if path.suffix.lower() == ".jsonl":
            key = path.resolve()
            if key not in jsonl_cache:
                jsonl_cache[key] = _read_jsonl_events(key, fields)
            events = jsonl_cache[key]
            per_file.setdefault(key, []).append(i)
            event = _match_record(article, line, events)
            if event is not None:
                labels[i] = (event, BY_FIELD)
                continue
            unmatched.setdefault(key, []).append(i)
        if root_is_dir:
            folder = _subfolder(root_path, path)
            if folder is not None:
                labels[i] = (folder, BY_SUBFOLDER)

    # Last resort for JSONL: records and articles in the same order, when the
    # counts agree (ingestion skipped no line of that file).
    for key, indices in unmatched.items():
        events = jsonl_cache[key].in_order
        everyone = per_file[key]
        if len(everyone) != len(events):
            continue
        for i in indices:
            event = events[everyone.index(i)]
            if event is not None:
                labels[i] = (event, BY_FIELD)
    return labels


def _match_record(article: Article, line: Optional[int], events: _JsonlEvents) -> Optional[str]:
    if line is not None and line in events.by_line:
        return events.by_line[line]
    if article.id in events.by_id:
        return events.by_id[article.id]
    match = _LINE_SUFFIX.match(article.id)
    if match:
        return events.by_line.get(int(match.group("line")))
    return None
