"""Raw text as lines that remember where they sit in the raw input."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")
_CLOSERS = "\"'”’»)]"


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(raw: str) -> list[Line]:
    lines: list[Line] = []
    start = 0
    for m in _BREAK.finditer(raw):
        lines.append(Line(start, m.start(), raw[start : m.start()]))
        start = m.end()
    lines.append(Line(start, len(raw), raw[start:]))
    return lines


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (final stop, maybe inside quotes)."""
    core = text.rstrip().rstrip(_CLOSERS).rstrip()
    return core.endswith((".", "!", "?", "…"))


def unbracket(text: str) -> str:
    """``(Reporting by X)`` -> ``Reporting by X``; anything else unchanged."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == text.count(")"):
        depth = 0
        for i, ch in enumerate(text):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0 and i < len(text) - 1:
                return text  # "(a) b (c)": the outer pair is not one bracket
        return text[1:-1].strip()
    return text


def has_letters(text: str) -> bool:
    return any(ch.isalnum() for ch in text)
