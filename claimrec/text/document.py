"""The annotated document: one article's parse with everything the stages read, built once.

Extraction, alignment and detection used to compute quotes, sentence units, hedges,
figures and content keys each their own way, and where two ways disagree an article
compared with an identical copy of itself shows differences. Here each is computed
once per article, by one definition, and every stage reads the same values:

- ``units``: sentences as a reader sees them: spaCy's sentences cut at line breaks and
  trimmed (a fragment without letters, such as a closing quote mark left on its own line,
  joins the unit before it), with content keys, proper-name keys and quote coverage;
- ``quotes`` / ``all_quotes``: direct-quote spans (:mod:`claimrec.text.quotes`), top-level
  and nested, and which top-level quote each token sits in;
- ``hedges``, ``markers``, ``figures``, ``dates``: found over the whole document and
  assigned to units by position;
- the lookup tables extraction needs: token -> sentence, sentence bounds, paragraph starts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from claimrec.nlp import hard_wrapped, wraps_sentence
from claimrec.text.arrays import indices_where, token_positions, token_starts
from claimrec.text.hedges import Hedge, find_hedges
from claimrec.text.keys import token_keys
from claimrec.text.modality import Marker, find_markers
from claimrec.text.normalize import fold
from claimrec.text.quantities import DateMention, Figure, dates, figures
from claimrec.text.quotes import QUOTE_CHARS, Quote, find_quotes

_ALNUM = re.compile(r"\w")
_LINE = re.compile(r"[^\n]+")
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")


@dataclass(frozen=True)
class Unit:
    """One reader's sentence: ``text[start:end]``, tokens ``tok_start:tok_end``."""

    index: int
    start: int
    end: int
    tok_start: int
    tok_end: int
    keys: frozenset
    proper: frozenset
    quote_keys: frozenset  # content keys of the words inside direct quotes
    quoted: bool  # mostly a direct quotation (half its letters or more)
    quote_text: str  # the quoted words, marks stripped, joined


@dataclass(eq=False)
class AnnotatedDoc:
    article_id: str
    doc: object
    text: str
    quotes: list[Quote]  # top-level quotes, sorted
    all_quotes: list[Quote]
    tok_quote: list[int]  # index into ``quotes`` or -1
    tok_sent: list[int]  # spaCy sentence of each token
    sent_bounds: list[tuple[int, int]]  # token [start, end) per spaCy sentence
    para_starts: list[int]  # char offsets where paragraphs start
    is_quote_mark: list[bool]
    quote_starts: list[int]
    units: list[Unit] = field(default_factory=list)
    tok_unit: list[int] = field(default_factory=list)  # unit of each token, or -1
    hedges: list[Hedge] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.tok_quote)

    def para_of(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def quote_at(self, char: int) -> int:
        """Index of the top-level quote containing ``char``, or -1."""
        k = bisect_right(self.quote_starts, char) - 1
        if k >= 0 and self.quotes[k].start <= char < self.quotes[k].end:
            return k
        return -1

    @cached_property
    def unit_starts(self) -> list[int]:
        return [u.start for u in self.units]

    def unit_at(self, char: int) -> Optional[Unit]:
        k = bisect_right(self.unit_starts, char) - 1
        if k >= 0 and self.units[k].start <= char < self.units[k].end:
            return self.units[k]
        return None

    def units_over(self, start: int, end: int) -> list[Unit]:
        """Units overlapping characters ``[start, end)``."""
        k = max(0, bisect_right(self.unit_starts, start) - 1)
        out = []
        while k < len(self.units) and self.units[k].start < end:
            if start < self.units[k].end:
                out.append(self.units[k])
            k += 1
        return out

    def in_unit(self, items, unit: Unit) -> list:
        """The ``items`` (hedges, markers, figures, dates: anything with a token ``start``)
        that begin inside ``unit``."""
        return [x for x in items if unit.tok_start <= x.start < unit.tok_end]

    @cached_property
    def norms(self) -> list[str]:
        """Each token's text as comparisons see it (``fold``)."""
        return [fold(t.text) for t in self.doc]

    @cached_property
    def folded(self) -> str:
        return fold(self.text)


def annotate(article_id: str, text: str, doc) -> AnnotatedDoc:
    """The annotated document of ``text`` (``doc`` is its parse; ``doc.text == text``)."""
    all_quotes = find_quotes(text)
    quotes = [q for q in all_quotes if q.depth == 0]
    n = len(doc)
    # token offsets and texts read as arrays: no Token object per token
    tok_quote = [-1] * n
    qi = 0
    for i, start in enumerate(token_starts(doc)):
        while qi < len(quotes) and quotes[qi].end <= start:
            qi += 1
        if qi < len(quotes) and quotes[qi].start <= start < quotes[qi].end:
            tok_quote[i] = qi
    is_mark = [False] * n
    for i in token_positions(doc, lambda text, _lower: bool(text) and all(ch in QUOTE_CHARS for ch in text)):
        is_mark[i] = True

    tok_sent = [0] * n
    sent_bounds: list[tuple[int, int]] = []
    for s_i, sent in enumerate(doc.sents):
        sent_bounds.append((sent.start, sent.end))
        for i in range(sent.start, sent.end):
            tok_sent[i] = s_i

    # in hard-wrapped text a single line break wraps a line; only a blank line ends a paragraph
    wrapped = hard_wrapped(text)
    adoc = AnnotatedDoc(
        article_id=article_id, doc=doc, text=text, quotes=quotes, all_quotes=all_quotes,
        tok_quote=tok_quote, tok_sent=tok_sent, sent_bounds=sent_bounds,
        para_starts=_paragraph_starts(text, wrapped), is_quote_mark=is_mark,
        quote_starts=[q.start for q in quotes],
    )
    adoc.units, adoc.tok_unit = _units(adoc, wrapped)
    bounds = [(u.tok_start, u.tok_end) for u in adoc.units]
    adoc.hedges = find_hedges(doc, bounds)
    adoc.markers = find_markers(doc, bounds)
    adoc.figures = figures(doc)
    adoc.dates = dates(doc)
    return adoc


def _paragraph_starts(text: str, wrapped: bool) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        nxt = pos + 1
        while nxt < len(text) and text[nxt] in "\n \t":
            nxt += 1
        blank = text.count("\n", pos, nxt) > 1
        if nxt < len(text) and nxt != starts[-1] and (blank or not (wrapped or wraps_sentence(text, pos))):
            starts.append(nxt)
        pos = text.find("\n", nxt)
    return starts


def _unit_spans(doc, text: str, wrapped: bool) -> list[list[int]]:
    """Character ranges of spaCy's sentences cut at line breaks (at blank lines only in
    hard-wrapped text) and trimmed."""
    spans: list[list[int]] = []
    piece_re = _PARAGRAPH if wrapped else _LINE
    for sent in doc.sents:
        for m in _joined(piece_re.finditer(text, sent.start_char, sent.end_char), text):
            piece = text[m[0]:m[1]]
            if not piece.strip():
                continue
            lead = len(piece) - len(piece.lstrip())
            a = m[0] + lead
            b = a + len(piece.strip())
            if not _ALNUM.search(text[a:b]):
                if spans and not text[spans[-1][1]:a].strip():
                    spans[-1][1] = b  # a closing quote mark left on its own line
                continue
            spans.append([a, b])
    return spans


def _joined(matches, text: str) -> list[tuple[int, int]]:
    """Line pieces, with those a wrapped line break split (see ``wraps_sentence``) joined."""
    out: list[tuple[int, int]] = []
    for m in matches:
        a, b = m.start(), m.end()
        # pieces are lines (or paragraphs), so each ends right before a line break
        if out and wraps_sentence(text, out[-1][1]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _units(adoc: AnnotatedDoc, wrapped: bool) -> tuple[list[Unit], list[int]]:
    doc, text = adoc.doc, adoc.text
    tok_unit = [-1] * len(doc)
    starts = token_starts(doc)
    # content keys and proper nouns of every token, read once for the whole document
    keys = token_keys(doc)
    proper = set(indices_where(doc, "POS", ["PROPN"]))
    units: list[Unit] = []
    for a, b in _unit_spans(doc, text, wrapped):
        lo = bisect_right(starts, a - 1)  # first token starting at or after a
        hi = bisect_right(starts, b - 1)  # one past the last token starting before b
        for i in range(lo, hi):
            tok_unit[i] = len(units)
        quoted_chars, quote_toks, pieces = 0, [], []
        for q in adoc.quotes:
            if q.end <= a:
                continue
            if q.start >= b:
                break
            qa, qb = max(a, q.start), min(b, q.end)
            quoted_chars += len(_ALNUM.findall(text[qa:qb]))
            # the unit's tokens starting inside the quote (token starts are increasing)
            quote_toks.extend(range(bisect_left(starts, qa, lo, hi), bisect_left(starts, qb, lo, hi)))
            pieces.append(text[qa:qb].strip("\"“”„‘’'«»` "))
        total = len(_ALNUM.findall(text[a:b])) or 1
        units.append(Unit(
            index=len(units), start=a, end=b, tok_start=lo, tok_end=hi,
            keys=frozenset(k for k in keys[lo:hi] if k),
            proper=frozenset(keys[i] for i in range(lo, hi) if i in proper and keys[i]),
            quote_keys=frozenset(keys[i] for i in quote_toks if keys[i]), quoted=quoted_chars / total >= 0.5,
            quote_text=" ".join(p for p in pieces if p),
        ))
    return units, tok_unit
