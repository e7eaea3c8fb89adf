"""One reader per format: decoded file text -> :class:`Draft` s to clean.

Readers never see the file system; a problem with one record of a
multi-article file is returned with its location (``:LINE``) so the other
records still load.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from claimrec.ingest.fields import ID, Draft, body_text, draft_from_record, first
from claimrec.ingest.frontmatter import split_front_matter
from claimrec.ingest.problems import BadInput

FORMAT_BY_SUFFIX = {
    ".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
    ".json": "json", ".jsonl": "jsonl",
}
_HTML_SNIFF = re.compile(r"<(?:!doctype html|html|head|body|article|p|div)\b", re.IGNORECASE)
_TEXT_FIELDS = "text, body, articleBody or content"


@dataclass
class Parsed:
    drafts: list[Draft] = field(default_factory=list)
    # (where inside the file, e.g. ":3" for a JSONL line; reason)
    problems: list[tuple[str, str]] = field(default_factory=list)


def sniff_format(text: str) -> str:
    """The format of text that came without a telling suffix (stdin, odd names)."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        lines = [ln for ln in head.splitlines() if ln.strip()]
        if len(lines) > 1 and all(ln.lstrip().startswith("{") and ln.rstrip().endswith("}") for ln in lines):
            return "jsonl"
        return "json"
    if head.startswith("["):
        return "json"
    if head.startswith("---") and split_front_matter(head)[1]:
        return "md"
    if _HTML_SNIFF.search(head[:2048]):
        return "html"
    return "txt"


def read_text(text: str, fmt: str, stem: str) -> Parsed:
    reader: Callable[[str, str], Parsed] = _READERS[fmt]
    return reader(text, stem)


def _read_txt(text: str, stem: str) -> Parsed:
    return Parsed(drafts=[Draft(text=text, format="txt", find_title=True)])


def _read_md(text: str, stem: str) -> Parsed:
    meta, body_start = split_front_matter(text)
    draft = draft_from_record(meta, fmt="md", text=text[body_start:], offset=body_start)
    draft.markdown = True
    draft.find_title = draft.title is None
    return Parsed(drafts=[draft])


def _read_html(text: str, stem: str) -> Parsed:
    from claimrec.ingest.html_reader import extract_html

    return Parsed(drafts=[extract_html(text)])


def _read_json(text: str, stem: str) -> Parsed:
    data = _loads(text)
    if isinstance(data, dict):
        return Parsed(drafts=[_record_draft(data, fmt="json", id_hint=None)])
    if isinstance(data, list):
        return _records(data, stem, fmt="json", where=lambda n: f":{n}")
    raise BadInput(f"JSON holds {_kind(data)}, expected an article object (or a list of them)")


def _read_jsonl(text: str, stem: str) -> Parsed:
    parsed = Parsed()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = _loads(line)
            if not isinstance(record, dict):
                raise BadInput(f"line holds {_kind(record)}, expected an article object")
            parsed.drafts.append(_record_draft(record, fmt="jsonl", id_hint=f"{stem}:{number}",
                                               where=f":{number}"))
        except BadInput as exc:
            parsed.problems.append((f":{number}", exc.reason))
    if not parsed.drafts and not parsed.problems:
        raise BadInput("empty file (no JSON lines)")
    return parsed


def _records(items: list[Any], stem: str, *, fmt: str, where: Callable[[int], str]) -> Parsed:
    parsed = Parsed()
    for number, record in enumerate(items, start=1):
        try:
            if not isinstance(record, dict):
                raise BadInput(f"item holds {_kind(record)}, expected an article object")
            parsed.drafts.append(_record_draft(record, fmt=fmt, id_hint=f"{stem}:{number}",
                                               where=where(number)))
        except BadInput as exc:
            parsed.problems.append((where(number), exc.reason))
    if not items:
        raise BadInput("JSON list is empty")
    return parsed


def _record_draft(record: dict[str, Any], *, fmt: str, id_hint: str | None, where: str = "") -> Draft:
    text = body_text(record)
    if not text:
        raise BadInput(f"no article text (none of the fields {_TEXT_FIELDS} holds text)")
    own_id = first(record, ID)
    draft = draft_from_record(record, fmt=fmt, text=text, id_hint=own_id or id_hint)
    draft.where = where
    return draft


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(_json_problem(text, exc)) from None
    except RecursionError:
        raise BadInput("invalid JSON: nested too deeply to read") from None
    except ValueError as exc:
        raise BadInput(f"invalid JSON: {exc}") from None


def _json_problem(text: str, exc: json.JSONDecodeError) -> str:
    # A string left open runs to the end of the input: the file was cut short.
    truncated = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
    what = "truncated JSON (cut off before its end)" if truncated else "invalid JSON"
    where = f"line {exc.lineno} column {exc.colno}" if "\n" in text.strip() else f"column {exc.colno}"
    # json's messages end in "at" ("Invalid control character at"); ours adds the place
    message = exc.msg[: -len(" at")] if exc.msg.endswith(" at") else exc.msg
    return f"{what}: {message} at {where}"


def _kind(value: Any) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "a boolean",
            list: "a list", dict: "an object", type(None): "null"}.get(type(value), "a value")


_READERS: dict[str, Callable[[str, str], Parsed]] = {
    "txt": _read_txt, "md": _read_md, "html": _read_html, "json": _read_json, "jsonl": _read_jsonl,
}
