"""Span geometry shared by the renderers: flat segments over overlapping marks, sentence context.

Highlights overlap (two findings quoting the same words, an evidence span
inside an aligned sentence). Cutting the text at every mark boundary gives
flat segments that each carry the set of marks covering them, so HTML can
open and close all its tags inside one segment and stay well formed, and a
terminal or Markdown renderer can style each piece on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Sequence

from claimrec.models import Report, Span


@dataclass(frozen=True)
class Mark:
    """A highlight over ``[start, end)`` of one text; ``key`` is whatever the renderer needs."""

    start: int
    end: int
    key: Any = None


@dataclass
class Segment:
    start: int
    end: int
    text: str
    marks: tuple[Mark, ...] = ()
    # marks whose first / last piece this segment is (ids and end-notes go there)
    opens: tuple[Mark, ...] = ()
    closes: tuple[Mark, ...] = ()


def segment(text: str, marks: Iterable[Mark], start: int = 0,
            end: Optional[int] = None) -> list[Segment]:
    """Cut ``text[start:end]`` at every mark boundary.

    Marks are clipped to the window; marks outside it are dropped. An empty
    mark inside the window yields an empty segment so an anchor on it still
    exists. Covering marks are listed outermost first (earlier start, then
    longer), so nesting is the same in every segment.
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, min(start, end))
    clipped: list[tuple[int, Mark]] = []
    for order, m in enumerate(marks):
        if m.end < start or m.start > end or m.end < m.start:
            continue
        if m.start == m.end and not (start <= m.start <= end):
            continue
        clipped.append((order, m))
    ordering = {id(m): (max(m.start, start), -min(m.end, end), order) for order, m in clipped}
    ranked = [m for _, m in sorted(clipped, key=lambda om: ordering[id(om[1])])]

    cuts = {start, end}
    for m in ranked:
        cuts.add(max(m.start, start))
        cuts.add(min(m.end, end))
    points = sorted(cuts)
    rank = {id(m): r for r, m in enumerate(ranked)}
    starting: dict[int, list[Mark]] = {}
    for m in ranked:
        starting.setdefault(max(m.start, start), []).append(m)

    first_seen: set[int] = set()
    pieces: list[Segment] = []
    active: list[Mark] = []
    for i, a in enumerate(points):
        active = [m for m in active if m.end > a]
        for m in starting.get(a, ()):
            if m.start == m.end:  # empty marks sit between the pieces around them
                pieces.append(Segment(a, a, "", (m,)))
            else:
                active.append(m)
        if i + 1 == len(points):
            break
        b = points[i + 1]
        active.sort(key=lambda m: rank[id(m)])
        pieces.append(Segment(a, b, text[a:b], tuple(active)))

    last_piece: dict[int, int] = {}
    for idx, piece in enumerate(pieces):
        for m in piece.marks:
            last_piece[id(m)] = idx
    for idx, piece in enumerate(pieces):
        opens = []
        for m in piece.marks:
            if id(m) not in first_seen:
                first_seen.add(id(m))
                opens.append(m)
        piece.opens = tuple(opens)
        piece.closes = tuple(m for m in piece.marks if last_piece[id(m)] == idx)
    return pieces


# A sentence ends at terminal punctuation (plus closing quotes/brackets) before
# whitespace, or at a line break: headlines and list items have no full stop.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)|\n")
_MAX_REACH = 400


def expand_to_sentence(text: str, start: int, end: int, reach: int = _MAX_REACH) -> tuple[int, int]:
    """The sentence(s) around ``text[start:end]`` by punctuation and line breaks.

    Looks at most ``reach`` characters either way so a text without
    punctuation does not turn into one giant context.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = max(0, start - reach)
    for m in _SENTENCE_END.finditer(text, left, start):
        left = m.end()
    if left == max(0, start - reach) and left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if end > start and _SENTENCE_END.match(text, max(start, end - 1)) and (
            end == len(text) or text[end].isspace()):
        right = end
    else:
        m = _SENTENCE_END.search(text, end, min(len(text), end + reach))
        if m:
            right = m.start() if m.group() == "\n" else m.end()
        else:
            right = min(len(text), end + reach)
            if right < len(text):
                space = text.rfind(" ", end, right)
                right = space if space != -1 else right
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


@dataclass
class SentenceIndex:
    """Known sentence spans per article (from claims and sentence alignments)."""

    texts: dict[str, str]
    sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    @classmethod
    def from_report(cls, report: Report) -> "SentenceIndex":
        index = cls(texts={a.id: a.text for a in report.articles})
        found: dict[str, set[tuple[int, int]]] = {}
        for claim in report.claims:
            found.setdefault(claim.sentence.article_id, set()).add(
                (claim.sentence.start, claim.sentence.end))
        for al in report.alignments:
            if al.level == "sentence":
                for s in al.spans:
                    found.setdefault(s.article_id, set()).add((s.start, s.end))
        index.sentences = {k: sorted(v) for k, v in found.items()}
        return index

    def context(self, span: Span) -> tuple[int, int]:
        """The smallest known sentence holding ``span``, else punctuation bounds."""
        best: Optional[tuple[int, int]] = None
        for s, e in self.sentences.get(span.article_id, ()):
            if s > span.start:
                break
            if e >= span.end and (best is None or e - s < best[1] - best[0]):
                best = (s, e)
        if best is not None:
            return best
        text = self.texts.get(span.article_id, "")
        return expand_to_sentence(text, span.start, span.end)


@dataclass
class Quote:
    """Evidence spans of one finding that share a sentence, ready to show."""

    article_id: str
    start: int
    end: int
    spans: list[tuple[int, Span]]  # (evidence index, span)


def group_evidence(index: SentenceIndex, evidence: Sequence[Span]) -> list[Quote]:
    """Evidence grouped by the sentence context it sits in, in evidence order."""
    quotes: list[Quote] = []
    for n, span in enumerate(evidence):
        s, e = index.context(span)
        for q in quotes:
            if q.article_id == span.article_id and q.start <= span.start and span.end <= q.end:
                q.spans.append((n, span))
                break
        else:
            quotes.append(Quote(span.article_id, min(s, span.start), max(e, span.end), [(n, span)]))
    return quotes


def one_line(text: str) -> str:
    """Collapse line breaks and runs of blanks (for quotes and table cells)."""
    return re.sub(r"\s+", " ", text).strip()


def truncate(text: str, limit: int) -> str:
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    cut = cut if cut > limit // 2 else limit - 1
    return text[:cut].rstrip() + "…"


def focus(spans: Sequence[Span]) -> list[Span]:
    """The spans worth highlighting: a span holding a narrower one is only its context.

    Detectors give both the whole sentence and the words that matter ("what it
    called"); marking the sentence too would drown the words in bold.
    """
    def holds(outer: Span, inner: Span) -> bool:
        return (outer is not inner and outer.start <= inner.start and inner.end <= outer.end
                and (outer.end - outer.start) > (inner.end - inner.start))

    return [s for s in spans if not any(holds(s, other) for other in spans)]


def marked_runs(body: str, spans: Sequence[Span], start: int, end: int) -> list[tuple[bool, str]]:
    """``body[start:end]`` as alternating (highlighted?, text) runs over the focused spans.

    Touching highlights are joined, so renderers that wrap runs in markers
    write "**a b**", never "**a****b**".
    """
    runs: list[tuple[bool, str]] = []
    for seg in segment(body, [Mark(s.start, s.end) for s in focus(spans)], start, end):
        marked = bool(seg.marks)
        if runs and runs[-1][0] == marked:
            runs[-1] = (marked, runs[-1][1] + seg.text)
        else:
            runs.append((marked, seg.text))
    return runs
