"""quote_unsourced / quote_altered: direct quotes in a rewrite checked against its source.

Quotes are the text layer's (:mod:`claimrec.text.quotes`: every quote style,
apostrophes told apart) and the contents of extracted direct claims. A rewrite
quote is sourced when its words occur in the source (case, quote style and
tokeniser spacing ignored) or in any other article of the run. Otherwise it is
altered when one of the source's own quotes is close to it (fuzzy ratio >=
``ALTERED``), and unsourced when nothing in the source comes near
(partial ratio < ``SOURCED``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from claimrec.align.blocking import candidate_pairs
from claimrec.detect.context import ArticlePair, ArticleView, DetectContext, nearest_source
from claimrec.detect.draft import Draft, Given
from claimrec.detect.severity import rate
from claimrec.detect.wording import q
from claimrec.text.lookups import detection
from claimrec.text.normalize import fold, words

ALTERED = 0.6  # ratio to a source quote above which a differing quote is "altered"
SOURCED = 0.9  # partial ratio against the source text above which the words are there
MIN_WORDS = 3
LOOKUP_WORDS = 4  # rarest words a quote looks its rewordings up by

_MARKS = " \t\n\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb\u2039\u203a`"


@dataclass(frozen=True)
class Quote:
    start: int  # offsets of the quoted words, marks excluded
    end: int

    def text(self, body: str) -> str:
        return body[self.start:self.end]


def _words_of(body: str, start: int, end: int) -> Quote:
    """The quoted words of ``body[start:end]``: marks and spaces off both ends."""
    while start < end and body[start] in _MARKS:
        start += 1
    while end > start and body[end - 1] in _MARKS:
        end -= 1
    return Quote(start, end)


def _quotes_of(view: ArticleView) -> list[Quote]:
    """The article's direct quotes (the text layer's) and its direct claims' contents."""
    body = view.article.text
    found = [_words_of(body, qt.start, qt.end) for qt in view.adoc.quotes]
    found = [qt for qt in found if qt.end > qt.start]
    for c in view.claims:
        if c.quote == "direct":
            qt = _words_of(body, c.content.start, c.content.end)
            if qt.end > qt.start and not any(o.start < qt.end and qt.start < o.end for o in found):
                found.append(qt)
    return sorted(found, key=lambda x: x.start)


def _word_change(a: str, b: str) -> tuple[list[str], list[str], bool] | None:
    """Words ``a`` has that ``b`` lacks and the reverse, and whether a negator is among them;
    None when the two say the same words in the same order. Counted, not as sets: "She's a
    disgrace and those comments are a disgrace" keeps every word it lost to "She's and those
    comments are a disgrace" somewhere else (a reordering alone has both lists empty)."""
    wa, wb = words(a), words(b)
    if wa == wb:
        return None
    ca, cb = Counter(wa), Counter(wb)
    added, removed = ca - cb, cb - ca
    return sorted(added.elements()), sorted(removed.elements()), bool(set(added + removed) & detection().negators)


def detect_quote_changes(ctx: DetectContext, pair: ArticlePair, given: Given) -> list[Draft]:
    out: list[Draft] = []
    others = ctx.others(pair)
    body = pair.source.article.text
    squotes = [(sq, fold(sq.text(body))) for sq in _quotes_of(pair.source)]
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
        changed = _word_change(text, stext)
        if changed is None:
            return None  # punctuation or spacing only
        added, removed, neg = changed
        severity, conf = rate("quote_altered", similarity=best_ratio, negation_changed=neg)
        change = "; ".join(x for x in (
            f"added {', '.join(added[:5])}" if added else "",
            f"removed {', '.join(removed[:5])}" if removed else "") if x) or "words reordered"
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
    for al in pair.aligned:
        if al.rewrite.start <= qt.start < al.rewrite.end:
            s = nearest_source(pair, al)
            return s.span() if s is not None else None
    return None


def detect_peer_quotes(ctx: DetectContext) -> list[Draft]:
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
        changed = _word_change(fa, fb)
        if changed is None:
            continue
        severity, conf = rate("quote_altered", similarity=ratio, negation_changed=changed[2])
        ta, tb = qa.text(va.article.text), qb.text(vb.article.text)
        out.append(Draft("quote_altered", severity, conf,
                         f"Same quote, different words: {q(ta, 70)} vs {q(tb, 70)}",
                         [va.span(qa.start, qa.end), vb.span(qb.start, qb.end)]))
    return out
