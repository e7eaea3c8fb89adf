"""Markdown front matter: a leading ``---`` block of simple ``key: value`` lines.

Only what article files use (scalars, quoted strings, ``[a, b]`` and ``- item``
lists) is understood; no YAML library is needed for that.
"""

from __future__ import annotations

import re
from typing import Any

_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w.-]*)\s*:\s*(?P<value>.*)$")
_ITEM = re.compile(r"^\s+-\s+(?P<value>.*)$|^-\s+(?P<top>.*)$")


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
    fields: dict[str, Any] = {}
    current: str | None = None
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.match(line)
        if item and current is not None:
            value = _scalar(item["value"] if item["value"] is not None else item["top"])
            existing = fields.get(current)
            fields[current] = (existing if isinstance(existing, list) else []) + [value]
            continue
        m = _KEY.match(line)
        if not m:
            continue
        current = m["key"]
        raw = m["value"].strip()
        if raw.startswith("[") and raw.endswith("]"):
            fields[current] = [_scalar(v) for v in raw[1:-1].split(",") if v.strip()]
        else:
            fields[current] = _scalar(raw) if raw else None
    return fields


def _scalar(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    return re.sub(r"\s+#.*$", "", raw)
