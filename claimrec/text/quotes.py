"""Direct-quote spans from quotation marks, in every common style.

Works on the plain text, before and independently of the parse:

- double marks: straight ``"``, curly ``“ ”``, low ``„``, guillemets ``« »``, and
  the typewriter pairs ``''`` / ````` `` ````` some newspapers use;
- single marks ``‘ ’`` and ``'`` count only where they cannot be apostrophes
  (``Clinton’s``, ``don't``, ``'90s``) and only when they close: a lone single
  mark is far more often an apostrophe than a quote;
- nesting (a single-quoted phrase inside a double-quoted one) gives depth;
- a quote may run over several sentences and over the line breaks of hard-wrapped
  text (where only blank lines end paragraphs), and over paragraphs when each new
  paragraph reopens the quote (the newspaper convention of leaving the closing
  mark off a paragraph that the quote continues past);
- an opening double mark left unclosed at a paragraph end yields a quote up to
  that end, marked ``balanced=False`` so callers lower their confidence. Never
  raises, whatever the marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from claimrec.nlp import hard_wrapped

_MARKS = re.compile(r"''|``|\n|[\"“”„‘’'«»‹›]")

DOUBLE, SINGLE, GUILLEMET, ANGLE = "double", "single", "guillemet", "angle"

# opening marks: mark -> family; closing likewise
_OPENERS = {"“": DOUBLE, "„": DOUBLE, "``": DOUBLE, "«": GUILLEMET, "‹": ANGLE, "‘": SINGLE}
_CLOSERS = {"”": DOUBLE, "»": GUILLEMET, "›": ANGLE, "’": SINGLE}
_AMBIGUOUS = {'"': DOUBLE, "''": DOUBLE, "'": SINGLE}

QUOTE_CHARS = frozenset("\"“”„‘’'«»‹›`")


@dataclass(frozen=True)
class Quote:
    """``text[start:end]`` is the quote including its marks."""

    start: int
    end: int
    depth: int = 0
    balanced: bool = True
    family: str = DOUBLE

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


@dataclass
class _Open:
    pos: int
    mark: str
    family: str


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _classify(text: str, pos: int, mark: str) -> tuple[str, str]:
    """('open' | 'close' | 'either' | 'skip', family) for one mark occurrence."""
    before = text[pos - 1] if pos > 0 else " "
    after_pos = pos + len(mark)
    after = text[after_pos] if after_pos < len(text) else " "
    if mark in ("'", "’"):
        if _is_word(before) and _is_word(after):
            return "skip", SINGLE  # don't, Clinton’s
        if mark == "’" or mark == "'":
            if before.isspace() or before in "([{—–-\"“":
                if _is_word(after) or after in "‘\"“":
                    return "open", SINGLE
                return "skip", SINGLE
            if before.isdigit() and after in "s ":  # 1990s' / '90s
                return "skip", SINGLE
            return "close", SINGLE
    if mark in _OPENERS:
        family = _OPENERS[mark]
        # a curly opener glued to the preceding word is a misused closer
        if mark == "“" and _is_word(before) and (after.isspace() or after in ".,;:!?"):
            return "either", family
        return "open", family
    if mark in _CLOSERS:
        family = _CLOSERS[mark]
        # a curly closer opening a word (after a space, or glued to the previous
        # sentence's end: 'news”.”The items') is a misused opener
        if mark == "”" and (before.isspace() or pos == 0 or before in ".,;:!?”") and _is_word(after):
            return "either", family
        return "close", family
    family = _AMBIGUOUS.get(mark, DOUBLE)
    if mark == '"' and before.isdigit():
        # an inch mark (6'3", a 15" screen), not a quote
        back = text[max(0, pos - 4):pos]
        if "'" in back or "’" in back or not (after.isspace() or after in ".,;:!?)"):
            return "skip", family
    return "either", family


_REOPENERS = {'"': ('"',), "''": ("''",), "``": ("``", "''"), "“": ("“",), "„": ("„", "“"), "«": ("«",)}


def _next_paragraph_reopens(text: str, pos: int, opener: str) -> int:
    """Position of the mark that reopens a quote at the next paragraph, or -1.

    Only the opening mark of the same style counts: a straight-quoted passage is
    not continued by a curly-quoted paragraph (that is a new quote)."""
    i = pos
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    if i >= n:
        return -1
    for mark in _REOPENERS.get(opener, ()):
        if text.startswith(mark, i) and not (mark == '"' and text.startswith("''", i)):
            return i
    return -1


def _single_break(text: str, pos: int) -> bool:
    """The line break at ``pos`` is alone: no blank line before or after it."""
    if pos > 0 and text[pos - 1] == "\n":
        return False
    i = pos + 1
    while i < len(text) and text[i] in " \t":
        i += 1
    return i < len(text) and text[i] != "\n"


def find_quotes(text: str) -> list[Quote]:
    """Every quote in ``text`` (nested ones too), sorted by start."""
    if not text:
        return []
    found: list[Quote] = []
    stack: list[_Open] = []
    skip_until = -1
    wrapped: Optional[bool] = None
    for match in _MARKS.finditer(text):
        pos = match.start()
        if pos < skip_until:
            continue
        mark = match.group()
        if mark == "\n":
            if not stack:
                continue
            if _single_break(text, pos):
                if wrapped is None:
                    wrapped = hard_wrapped(text)
                if wrapped:
                    continue  # a hard-wrapped line: the quote runs on to the next one
            bottom = stack[0]
            reopen = _next_paragraph_reopens(text, pos, bottom.mark)
            if reopen >= 0 and bottom.family != SINGLE:
                # the quote carries on into the next paragraph; inner marks do not
                del stack[1:]
                skip_until = reopen + (2 if text.startswith(("''", "``"), reopen) else 1)
                continue
            if bottom.family != SINGLE:
                end = pos
                while end > bottom.pos and text[end - 1].isspace():
                    end -= 1
                if end > bottom.pos + 1:
                    found.append(Quote(bottom.pos, end, 0, False, bottom.family))
            stack.clear()
            continue

        role, family = _classify(text, pos, mark)
        if role == "skip":
            continue
        if role in ("close", "either"):
            k = len(stack) - 1
            while k >= 0 and stack[k].family != family:
                k -= 1
            if k >= 0:
                opener = stack[k]
                del stack[k:]
                end = pos + len(mark)
                if end - opener.pos > len(opener.mark) + len(mark) - 1:
                    found.append(Quote(opener.pos, end, k, True, family))
                continue
            if role == "close":
                continue
        stack.append(_Open(pos, mark, family))

    if stack:
        bottom = stack[0]
        if bottom.family != SINGLE:
            end = len(text)
            while end > bottom.pos and text[end - 1].isspace():
                end -= 1
            if end > bottom.pos + 1:
                found.append(Quote(bottom.pos, end, 0, False, bottom.family))
    found.sort(key=lambda q: (q.start, -q.end))
    return _renest(found)


def _renest(quotes: list[Quote]) -> list[Quote]:
    """Recompute depth from containment (multi-paragraph quotes reset the stack)."""
    out: list[Quote] = []
    open_ends: list[int] = []
    for q in quotes:
        while open_ends and open_ends[-1] <= q.start:
            open_ends.pop()
        depth = len(open_ends)
        out.append(Quote(q.start, q.end, depth, q.balanced, q.family))
        open_ends.append(q.end)
    return out


def top_level(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.depth == 0]
