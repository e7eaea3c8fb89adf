"""Raw article text -> cleaned body, with what was taken out recorded.

Boilerplate is found line by line (patterns in data/lexicons/boilerplate.json);
the body keeps every other line as it was, stripped of surrounding blanks, with
paragraph breaks kept and runs of blank lines folded into one. Nothing inside a
line of body text is changed, so later offsets into the body are exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from claimrec.ingest import classify
from claimrec.ingest.lines import Line, split_lines
from claimrec.ingest.patterns import patterns
from claimrec.models import Removed

# Byline and date lines sit right under the headline.
_HEAD_LINES = 3
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


@dataclass
class Cleaned:
    text: str
    credits: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    title: Optional[str] = None
    byline: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None


@dataclass
class _State:
    lines: list[Line]
    kinds: list[Optional[str]]
    cut: dict[int, int] = field(default_factory=dict)  # line -> where an inline credit starts
    result: Cleaned = field(default_factory=lambda: Cleaned(text=""))


def clean_text(raw: str, *, offset: int = 0, find_title: bool = False,
               known_title: Optional[str] = None, markdown: bool = False) -> Cleaned:
    """Clean ``raw``; ``offset`` is where ``raw`` starts in the input, for ``removed``."""
    lines = split_lines(raw)
    state = _State(lines=lines, kinds=[None] * len(lines))
    _mark_head(state, find_title=find_title, known_title=known_title, markdown=markdown)
    _mark_paywalls(state)
    _mark_lines(state, markdown=markdown)
    _mark_inline_credits(state)
    result = state.result
    result.removed = _removed(state, raw, offset)
    result.text = _body(state, markdown=markdown)
    result.outlet = _syndicating_outlet(result.credits)
    return result


def _unmarked(state: _State) -> list[int]:
    return [i for i, line in enumerate(state.lines) if state.kinds[i] is None and not line.blank]


def _mark_head(state: _State, *, find_title: bool, known_title: Optional[str], markdown: bool) -> None:
    head = _unmarked(state)
    if not head:
        return
    first = head[0]
    text = state.lines[first].text
    if known_title and _same_title(text, known_title):
        state.kinds[first] = "title"
        head = head[1:]
    elif (find_title or markdown) and len(head) > 1:
        alone = first + 1 < len(state.lines) and state.lines[first + 1].blank
        wanted = find_title or _MD_HEADING.match(text.strip())
        title = classify.headline_of(text, markdown=markdown, alone=alone) if wanted else None
        if title:
            state.kinds[first] = "title"
            state.result.title = title
            head = head[1:]
    for i in head[:_HEAD_LINES]:
        text = state.lines[i].text
        byline = classify.byline_of(text)
        if byline and state.result.byline is None:
            state.kinds[i] = "byline"
            state.result.byline = byline
            continue
        when = classify.date_line(text, bare=True)
        if when:
            state.kinds[i] = "date"
            state.result.published = state.result.published or when


def _mark_paywalls(state: _State) -> None:
    i = 0
    n = len(state.lines)
    while i < n:
        if state.kinds[i] is None and classify.paywall_marker(state.lines[i].text):
            end = i
            while end + 1 < n and classify.paywall_furniture(state.lines[end + 1].text):
                end += 1
            while end > i and state.lines[end].blank:
                end -= 1  # trailing blank lines belong to no one
            for j in range(i, end + 1):
                state.kinds[j] = "paywall"
            i = end + 1
        else:
            i += 1


def _mark_lines(state: _State, *, markdown: bool) -> None:
    for i, line in enumerate(state.lines):
        if state.kinds[i] is not None or line.blank:
            continue
        text = line.text
        credit = classify.credit_text(text)
        if credit:
            state.kinds[i] = "credit"
            state.result.credits.append(credit)
            continue
        kind = classify.furniture_kind(text)
        if kind:
            state.kinds[i] = kind
            continue
        when = classify.date_line(text, bare=False)
        if when:
            state.kinds[i] = "date"
            state.result.published = state.result.published or when
            continue
        if markdown and not _MD_IMAGE.sub("", text).strip():
            state.kinds[i] = "image"


def _mark_inline_credits(state: _State) -> None:
    for i, line in enumerate(state.lines):
        if state.kinds[i] is not None or line.blank:
            continue
        m = classify.inline_credit(line.text)
        if m:
            state.cut[i] = m.start()
            state.result.credits.append(m.group(1).strip())


def _removed(state: _State, raw: str, offset: int) -> list[Removed]:
    removed: list[Removed] = []
    i = 0
    n = len(state.lines)
    while i < n:
        kind = state.kinds[i]
        if kind is None:
            if i in state.cut:
                line = state.lines[i]
                start = line.start + state.cut[i]
                removed.append(_record("credit", raw, offset, start, line.end))
            i += 1
            continue
        end = i
        if kind == "paywall":  # one record per subscription block
            while end + 1 < n and state.kinds[end + 1] == "paywall":
                end += 1
        removed.append(_record(kind, raw, offset, state.lines[i].start, state.lines[end].end))
        i = end + 1
    return removed


def _record(kind: str, raw: str, offset: int, start: int, end: int) -> Removed:
    return Removed(kind=kind, raw_start=offset + start, raw_end=offset + end, text=raw[start:end])


def _body(state: _State, *, markdown: bool) -> str:
    out: list[str] = []
    for i, line in enumerate(state.lines):
        if state.kinds[i] is not None:
            continue
        text = line.text[: state.cut[i]] if i in state.cut else line.text
        text = text.strip()
        if markdown:
            text = _MD_HEADING.sub("", text)
        if text:
            out.append(text)
        elif out and out[-1]:
            out.append("")
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _same_title(line: str, title: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(_MD_HEADING.sub("", s.strip()).split()).rstrip(" |–—-.").casefold()

    return bool(norm(title)) and norm(line) == norm(title)


def _syndicating_outlet(credits: list[str]) -> Optional[str]:
    for credit in credits:
        for rx in patterns().syndication_outlet:
            m = rx.search(credit)
            if m:
                return m["outlet"].strip()
    return None
