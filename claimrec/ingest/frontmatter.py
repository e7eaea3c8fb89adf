"""Markdown front matter: a leading ``---`` YAML block before the article body.

Read with PyYAML's safe loader; a block that is not a mapping of fields, or not YAML
at all, is treated as no front matter rather than a reason to refuse the article.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict[str, Any], int]:
    """The front matter fields and the offset where the body starts (0 if none)."""
    opening = _FENCE.match(text)
    if not opening:
        return {}, 0
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return {}, 0
    fields = _parse(text[opening.end() : closing.start()])
    body_start = closing.end()
    if text.startswith("\r\n", body_start):
        body_start += 2
    elif text.startswith("\n", body_start):
        body_start += 1
    return fields, body_start


def _parse(block: str) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError:
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {str(k): _plain(v) for k, v in loaded.items()}


def _plain(value: Any) -> Any:
    """Strings and lists of strings, as the other readers give (YAML reads dates and numbers)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)
