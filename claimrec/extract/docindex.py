"""Per-document lookup tables, built once so the extractors never rescan the doc.

Everything here is O(tokens + quotes + sentences): which top-level quote each
token sits in, which sentence and paragraph, and where sentences start.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from claimrec.extract.quotes import QUOTE_CHARS, Quote, find_quotes


@dataclass
class DocIndex:
    doc: object
    text: str
    quotes: list[Quote]  # top-level quotes only, sorted
    all_quotes: list[Quote]
    tok_quote: list[int]  # index into ``quotes`` or -1
    tok_sent: list[int]
    sent_bounds: list[tuple[int, int]]  # token [start, end) per sentence
    para_starts: list[int]  # char offsets where paragraphs start
    is_quote_mark: list[bool]
    quote_starts: list[int] = field(default_factory=list)

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


def build_index(doc, text: str | None = None) -> DocIndex:
    """``text`` is ``doc.text`` (pass it when known: spaCy rebuilds it on each access)."""
    text = doc.text if text is None else text
    all_quotes = find_quotes(text)
    quotes = [q for q in all_quotes if q.depth == 0]
    n = len(doc)
    tok_quote = [-1] * n
    is_mark = [False] * n
    qi = 0
    for tok in doc:
        start = tok.idx
        while qi < len(quotes) and quotes[qi].end <= start:
            qi += 1
        if qi < len(quotes) and quotes[qi].start <= start < quotes[qi].end:
            tok_quote[tok.i] = qi
        if tok.text and all(ch in QUOTE_CHARS for ch in tok.text):
            is_mark[tok.i] = True

    tok_sent = [0] * n
    sent_bounds: list[tuple[int, int]] = []
    for s_i, sent in enumerate(doc.sents):
        sent_bounds.append((sent.start, sent.end))
        for i in range(sent.start, sent.end):
            tok_sent[i] = s_i

    para_starts = [0]
    pos = text.find("\n")
    while pos != -1:
        nxt = pos + 1
        while nxt < len(text) and text[nxt] == "\n":
            nxt += 1
        if nxt < len(text) and nxt != para_starts[-1]:
            para_starts.append(nxt)
        pos = text.find("\n", nxt)
    return DocIndex(
        doc=doc, text=text, quotes=quotes, all_quotes=all_quotes, tok_quote=tok_quote,
        tok_sent=tok_sent, sent_bounds=sent_bounds, para_starts=para_starts,
        is_quote_mark=is_mark, quote_starts=[q.start for q in quotes],
    )
