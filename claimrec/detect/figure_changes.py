"""number_changed / date_changed: a figure or date in the rewrite that the source gives differently.

A rewrite figure equal (after normalisation) to any figure anywhere in the
source is never a change: "3.2 million" == "3,200,000" == "3.2m". A changed
figure needs a counterpart in the aligned source sentence: same unit, or the
only figure on both sides. Figures with no counterpart at all are left to
``unsupported_addition``.
"""

from __future__ import annotations

import re
from typing import Optional

from claimrec.detect.context import ArticlePair, DetectContext, Sentence
from claimrec.detect.draft import Draft, Given
from claimrec.detect.severity import rate
from claimrec.detect.wording import q
from claimrec.text.lexicon import lexicon
from claimrec.text.quantities import DateMention, Figure, describe, gives


def figure_supported(fig: Figure, pair: ArticlePair) -> bool:
    memo = pair.figure_memo
    key = (fig.value, fig.approx, fig.ordinal)
    if key not in memo:
        memo[key] = any(gives(other, fig) for other in pair.source.figures) or (
            fig.ordinal and _rank_written(fig.value, pair.source.folded))
    return memo[key]


def _rank_written(rank: float, folded: str) -> bool:
    """The source writes this rank somewhere ("third", "3rd"), whatever its tagger made of it:
    whether "second" is read as an ordinal changes with the words around it."""
    forms = [w for w, v in lexicon().numbers.ordinals.items() if v == rank]
    pattern = r"\b(?:" + "|".join([re.escape(w) for w in forms] + [rf"{int(rank)}(?:st|nd|rd|th)"]) + r")\b"
    return re.search(pattern, folded) is not None


def date_supported(d: DateMention, pair: ArticlePair) -> bool:
    return any(o.kind == d.kind and o.value == d.value for o in pair.source.dates) or (
        d.kind == "month" and any(o.kind == "day" and o.value[0] == d.value for o in pair.source.dates)
    )


def figure_counterpart(fig: Figure, rewrite_figs: list[Figure], sources: list[Sentence]) -> Optional[tuple[Sentence, Figure, bool]]:
    # a source figure the rewrite sentence repeats is nobody's changed counterpart
    candidates = [(s, f) for s in sources for f in s.figures if not any(gives(f, r) for r in rewrite_figs)]
    if not candidates:
        return None
    changed = [r for r in rewrite_figs if not any(gives(f, r) for s in sources for f in s.figures)]
    same_unit = [(s, f) for s, f in candidates if fig.unit and f.unit == fig.unit]
    if same_unit:
        s, f = same_unit[0]
        return s, f, True
    unitless = [(s, f) for s, f in candidates if not f.unit or not fig.unit]
    if len(candidates) == 1 and len(changed) == 1 and (unitless or not fig.unit):
        s, f = candidates[0]
        return s, f, False
    return None


def date_counterpart(d: DateMention, sources: list[Sentence]) -> Optional[tuple[Sentence, DateMention]]:
    for s in sources:
        for other in s.dates:
            if other.kind == d.kind:
                return s, other
    return None


def _in_claim(sent: Sentence, start_char: int) -> bool:
    return any(c.content.start <= start_char < c.content.end for c in sent.claims)


def detect_figure_changes(ctx: DetectContext, pair: ArticlePair, given: Given) -> list[Draft]:
    out: list[Draft] = []
    for al in pair.aligned:
        if not al.sources:
            continue
        r = al.rewrite
        doc = r.tokens.doc
        rfigs = r.figures
        for fig in rfigs:
            if figure_supported(fig, pair) or not pair.rewrite_changed(fig.start, fig.end):
                continue
            found = figure_counterpart(fig, rfigs, al.sources)
            if found is None:
                continue
            ssent, sfig, same_unit = found
            if gives(sfig, fig):
                continue
            sdoc = ssent.tokens.doc
            rspan = pair.rewrite.tok_span(doc[fig.start:fig.end])
            sspan = pair.source.tok_span(sdoc[sfig.start:sfig.end])
            severity, conf = rate("number_changed", same_unit=same_unit, similarity=al.similarity,
                                  in_claim=_in_claim(r, rspan.start) or _in_claim(ssent, sspan.start))
            out.append(Draft(
                "number_changed", severity, conf,
                f"Figure changed: source says {q(sfig.text)} ({describe(sfig.value)}), "
                f"rewrite says {q(fig.text)} ({describe(fig.value)})",
                [rspan, sspan, r.span(), ssent.span()],
            ))
        for d in r.dates:
            if date_supported(d, pair) or not pair.rewrite_changed(d.start, d.end):
                continue
            found = date_counterpart(d, al.sources)
            if found is None:
                continue
            ssent, sd = found
            sdoc = ssent.tokens.doc
            rspan = pair.rewrite.tok_span(doc[d.start:d.end])
            sspan = pair.source.tok_span(sdoc[sd.start:sd.end])
            severity, conf = rate("date_changed", same_unit=True, similarity=al.similarity,
                                  in_claim=_in_claim(r, rspan.start))
            out.append(Draft(
                "date_changed", severity, conf,
                f"Date changed: source says {q(sd.text)}, rewrite says {q(d.text)}",
                [rspan, sspan, r.span(), ssent.span()],
            ))
    return out
