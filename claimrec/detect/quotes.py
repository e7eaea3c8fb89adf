"""quote_unsourced / quote_altered: direct quotes in a rewrite checked against its source.

Quotes are found by their marks (straight, curly, guillemets, single quotes
that are not apostrophes) and from extracted direct/mixed claims. A rewrite
quote is sourced when its words occur in the source (case, quote style and
tokeniser spacing ignored) or in any other article of the run. Otherwise it is
altered when one of the source's own quotes is close to it (fuzzy ratio >=
``ALTERED``), and unsourced when nothing in the source comes near
(partial ratio < ``SOURCED``).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from claimrec.align.blocking import candidate_pairs
from claimrec.detect.context import ArticlePair, ArticleView, DetectContext
from claimrec.detect.draft import Draft
from claimrec.detect.severity import rate
from claimrec.detect.textnorm import detect_words, fold, q, words

ALTERED = 0.6  # ratio to a source quote above which a differing quote is "altered"
SOURCED = 0.9  # partial ratio against the source text above which the words are there
MIN_WORDS = 3
LOOKUP_WORDS = 4  # rarest words a quote looks its rewordings up by

_OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c"}
_SINGLE_OPEN = ("'", "\u2018", "`")
_SINGLE_CLOSE = ("'", "\u2019")


@dataclass(frozen=True)
class Quote:
    start: int  # offsets of the quoted words, marks excluded
    end: int

    def text(self, body: str) -> str:
        return body[self.start:self.end]


def find_quotes(body: str) -> list[Quote]:
    """Quoted stretches of ``body``; unbalanced marks are skipped, never raised on."""
    out: list[Quote] = []
    n = len(body)
    open_double: tuple[int, str] | None = None
    open_single: int | None = None
    for i, ch in enumerate(body):
        prev = body[i - 1] if i > 0 else " "
        nxt = body[i + 1] if i + 1 < n else " "
        if ch in _OPENERS and open_double is None:
            open_double = (i, _OPENERS[ch])
        elif ch == '"':
            if open_double is None:
                open_double = (i, '"')
            elif open_double[1] == '"':
                out.append(Quote(open_double[0] + 1, i))
                open_double = None
        elif open_double is not None and ch == open_double[1]:
            out.append(Quote(open_double[0] + 1, i))
            open_double = None
        elif ch in _SINGLE_OPEN and open_single is None and not prev.isalnum() and (nxt.isalnum()):
            open_single = i
        elif ch in _SINGLE_CLOSE and open_single is not None and not nxt.isalnum() \
                and (prev.isalnum() or prev in ".,!?") and i - open_single > 1:
            out.append(Quote(open_single + 1, i))
            open_single = None
        elif ch == "\n" and open_single is not None:
            open_single = None
        if open_single is not None and i - open_single > 400:
            open_single = None
    return [_trim(body, qt) for qt in out if len(words(body[qt.start:qt.end])) >= 1]


def _trim(body: str, qt: Quote) -> Quote:
    s, e = qt.start, qt.end
    while s < e and body[s].isspace():
        s += 1
    while e > s and body[e - 1].isspace():
        e -= 1
    return Quote(s, e)


def _quotes_of(view: ArticleView) -> list[Quote]:
    found = find_quotes(view.article.text)
    for c in view.claims:
        if c.quote == "direct":
            text = c.content.text
            s, e = c.content.start, c.content.end
            # claims may include the marks; keep the words
            lead = len(text) - len(text.lstrip(" \"'\u201c\u201d\u2018\u2019"))
            trail = len(text) - len(text.rstrip(" \"'\u201c\u201d\u2018\u2019"))
            s, e = s + lead, e - trail
            if e > s and not any(qt.start < e and s < qt.end for qt in found):
                found.append(Quote(s, e))
    return sorted(found, key=lambda x: x.start)


def detect_quotes(ctx: DetectContext) -> list[Draft]:
    out: list[Draft] = []
    if not ctx.pairs:
        return _peer_quotes(ctx)
    for pair in ctx.pairs:
        others = [v for v in ctx.views if v is not pair.rewrite and v is not pair.source]
        source_quotes = _quotes_of(pair.source)
        body = pair.source.article.text
        squotes = [(sq, fold(sq.text(body))) for sq in source_quotes]
        for qt in _quotes_of(pair.rewrite):
            draft = _check(pair, others, qt, squotes)
            if draft is not None:
                out.append(draft)
    return out


def _check(pair: ArticlePair, others: list[ArticleView], qt: Quote, squotes) -> Draft | None:
    text = qt.text(pair.rewrite.article.text)
    folded = fold(text)
    n_words = len(words(text))
    if n_words < MIN_WORDS or not folded:
        return None
    if folded in pair.source.folded or any(folded in v.folded for v in others):
        return None
    best_q, best_ratio = None, 0.0
    for sq, sfold in squotes:
        ratio = fuzz.ratio(folded, sfold) / 100.0
        if ratio > best_ratio:
            best_q, best_ratio = sq, ratio
    rspan = pair.rewrite.span(qt.start, qt.end)
    if best_q is not None and best_ratio >= ALTERED:
        stext = best_q.text(pair.source.article.text)
        rw, sw = set(words(text)), set(words(stext))
        added, removed = sorted(rw - sw), sorted(sw - rw)
        if not added and not removed:
            return None  # punctuation or spacing only
        neg = bool((rw ^ sw) & detect_words("negators"))
        severity, conf = rate("quote_altered", similarity=best_ratio, negation_changed=neg)
        change = "; ".join(x for x in (
            f"added {', '.join(added[:5])}" if added else "",
            f"removed {', '.join(removed[:5])}" if removed else "") if x)
        return Draft("quote_altered", severity, conf,
                     f"Quote altered: source {q(stext, 70)} -> rewrite {q(text, 70)} ({change})",
                     [rspan, pair.source.span(best_q.start, best_q.end)])
    partial = fuzz.partial_ratio(folded, pair.source.folded) / 100.0 if len(folded) <= len(pair.source.folded) else 0.0
    if partial >= SOURCED:
        return None
    severity, conf = rate("quote_unsourced", best=max(best_ratio, partial), words=n_words)
    evidence = [rspan]
    near = _nearest_source(pair, qt)
    if near is not None:
        evidence.append(near)
    return Draft("quote_unsourced", severity, conf,
                 f"Quote not in the source: the rewrite quotes {q(text, 90)}, which the source does not contain",
                 evidence)


def _nearest_source(pair: ArticlePair, qt: Quote):
    """The source passage the quote stands closest to (context for the reader)."""
    from claimrec.detect.context import nearest_source

    for al in pair.aligned:
        if al.rewrite.start <= qt.start < al.rewrite.end:
            s = nearest_source(pair, al)
            return s.span() if s is not None else None
    return None


def _peer_quotes(ctx: DetectContext) -> list[Draft]:
    """Articles with no source among them: the same quote worded differently by two of them.
    (A quote only one peer has is normal reporting, not a finding.)"""
    out: list[Draft] = []
    quoted = [(v, qt, fold(qt.text(v.article.text))) for v in ctx.views for qt in _quotes_of(v)]
    quoted = [x for x in quoted if len(words(x[2])) >= MIN_WORDS]
    # Only quotes sharing a rare word can be the same quote reworded; comparing
    # those alone keeps a many-article event linear, not quadratic.
    for i, j in candidate_pairs([set(words(f)) for _, _, f in quoted], per_item=LOOKUP_WORDS):
        (va, qa, fa), (vb, qb, fb) = quoted[i], quoted[j]
        if va is vb or fa == fb or fa in vb.folded or fb in va.folded:
            continue
        ratio = fuzz.ratio(fa, fb) / 100.0
        if ratio < ALTERED:
            continue
        wa, wb = set(words(fa)), set(words(fb))
        if wa == wb:
            continue
        neg = bool((wa ^ wb) & detect_words("negators"))
        severity, conf = rate("quote_altered", similarity=ratio, negation_changed=neg)
        ta, tb = qa.text(va.article.text), qb.text(vb.article.text)
        out.append(Draft("quote_altered", severity, conf,
                         f"Same quote, different words: {q(ta, 70)} vs {q(tb, 70)}",
                         [va.span(qa.start, qa.end), vb.span(qb.start, qb.end)]))
    return out
